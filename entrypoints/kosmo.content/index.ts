import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../lib/content/start-content';

export default defineContentScript({
  matches: ['https://*.kosmo-web.jp/*'],
  runAt: 'document_idle',
  // WXT's start notice by postMessage would tell every page our extension id.
  noScriptStartedPostMessage: true,
  main: (ctx) => {
    startContent(ctx, { generic: false });
  },
});
