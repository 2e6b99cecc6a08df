import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { t } from '../../lib/browser-i18n';
import { startEnrollment } from '../../lib/enroll/enroll-controller';
import { sendMessage } from '../../lib/messaging';

export default defineContentScript({
  matches: ['https://*.kosmo-web.jp/*'],
  runAt: 'document_idle',
  main() {
    startEnrollment({
      doc: document,
      t,
      hostname: location.hostname,
      enroll: (source, hints) => sendMessage('enroll.add', { source, hints }),
      openUnlock: () => sendMessage('ui.open-unlock', undefined),
      waitForUnlock: (then) => {
        const port = browser.runtime.connect({ name: 'vault-wait' });
        port.onMessage.addListener(() => {
          port.disconnect();
          then();
        });
      },
    });
  },
});
