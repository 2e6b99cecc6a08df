import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../lib/content/start-content';
import { whenParsed } from '../../lib/content/when-parsed';

// Registered at run time (scripting.registerContentScripts) only for sites the user allowed, with
// their origins as matches. No `matches` here: WXT would add them to host_permissions.
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_start',
  // WXT's start notice by postMessage would tell every page our extension id.
  noScriptStartedPostMessage: true,
  // At document_start, to start as soon as the HTML is parsed (whenParsed), not at document_idle.
  main: (ctx) => {
    ctx.onInvalidated(whenParsed(document, () => startContent(ctx, { generic: true })));
  },
});
