import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../lib/content/start-content';

// Registered at run time (scripting.registerContentScripts) only for sites the user allowed.
export default defineContentScript({
  matches: ['https://example.invalid/*'],
  registration: 'runtime',
  runAt: 'document_idle',
  main: (ctx) => {
    startContent(ctx, { generic: true });
  },
});
