import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { t, uiLanguage } from '../lib/browser-i18n';
import { sendMessage } from '../lib/messaging';
import { showScanOverlay } from '../lib/scan/overlay';

// Injected by the background (scripting.executeScript) only after the user asked for a scan.
export default defineUnlistedScript(() => {
  showScanOverlay({
    doc: document,
    t,
    lang: uiLanguage(),
    sendRegion: (rect, viewportWidth) => sendMessage('scan.region', { rect, viewportWidth }),
  });
});
