import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../lib/content/start-content';

// Registered at run time (scripting.registerContentScripts) only for sites the user allowed, with
// their origins as matches. No `matches` here: WXT would add them to host_permissions.
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  // WXT's start notice by postMessage would tell every page our extension id.
  noScriptStartedPostMessage: true,
  main: (ctx) => {
    startContent(ctx, { generic: true });
  },
});
