import { browser } from 'wxt/browser';
import { startAutofill } from '../autofill/autofill-controller';
import { t, uiLanguage } from '../browser-i18n';
import { startEnrollment } from '../enroll/enroll-controller';
import { isFillNow, sendMessage, VAULT_WAIT_PORT, type FillNowReply } from '../messaging';

/** A port the background answers once the vault is unlocked (the user unlocked elsewhere). */
function waitForUnlock(then: () => void): void {
  const port = browser.runtime.connect({ name: VAULT_WAIT_PORT });
  port.onMessage.addListener(() => {
    port.disconnect();
    then();
  });
}

const openUnlock = () => void sendMessage('ui.open-unlock', undefined);

/**
 * Everything a content script does on a page: the add button on a Keycloak setup page and the
 * code badge on an OTP field. `generic` also looks for non-Keycloak OTP fields (allowed sites).
 */
export function startContent({
  generic,
  onInvalidated,
}: {
  generic: boolean;
  /** WXT's content-script context: after an extension update this copy must stop. */
  onInvalidated: (stop: () => void) => void;
}): void {
  startEnrollment({
    doc: document,
    t,
    lang: uiLanguage(),
    hostname: location.hostname,
    enroll: (source, hints) => sendMessage('enroll.add', { source, hints }),
    recordDevice: (ref, label) => void sendMessage('enroll.device', { ref, label }),
    openUnlock: () => sendMessage('ui.open-unlock', undefined),
    waitForUnlock,
  });
  const autofill = startAutofill({
    doc: document,
    t,
    lang: uiLanguage(),
    generic,
    requestCodes: () => sendMessage('otp.codes', undefined),
    openUnlock,
    waitForUnlock,
  });
  onInvalidated(autofill.stop);
  // 「このページに入力」, the shortcut and the context menu arrive from the background.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    if (!isFillNow(message)) return undefined;
    return autofill.fillNow() satisfies Promise<FillNowReply>;
  });
}
