import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startAutofill } from '../autofill/autofill-controller';
import { readPageReport } from '../autofill/detect/keycloak-outcome';
import { showRefusalNote } from '../autofill/refusal-note';
import { t, uiLanguage } from '../browser-i18n';
import { startEnrollment } from '../enroll/enroll-controller';
import { isFillNow, sendMessage, VAULT_WAIT_PORT, type FillNowReply } from '../messaging';
import { startRecoveryCodes } from '../recovery-page/start-recovery';
import { guardAgainstPageStop, scriptStartedEventName } from './page-stop-guard';
import { watchLoginForm } from './login-watch';
import { createScope, type Scope } from './scope';

/**
 * A port the background answers once the vault is unlocked (the user unlocked elsewhere). The
 * port closes when `scope` stops, so a stopped controller is never called back.
 */
function waitForUnlock(scope: Scope, then: () => void): void {
  const port = browser.runtime.connect({ name: VAULT_WAIT_PORT });
  const close = scope.onStop(() => port.disconnect());
  port.onMessage.addListener(() => {
    close();
    then();
  });
}

const openUnlock = () => void sendMessage('ui.open-unlock', undefined);

/**
 * Everything a content script does on a page: the add button on a Keycloak setup page and the
 * code badge on an OTP field. `generic` also looks for non-Keycloak OTP fields (allowed sites).
 * Everything stops when WXT invalidates `ctx` (the extension was updated or reloaded), or on the
 * returned `stop()` — never because a page says a newer copy started (guardAgainstPageStop).
 */
export function startContent(
  ctx: Pick<ContentScriptContext, 'onInvalidated'>,
  { generic }: { generic: boolean },
) {
  // A sandboxed document (CSP `sandbox`) has the opaque origin "null": the worker answers it
  // nothing, so it shows no badge and no add button either.
  if (globalThis.origin === 'null') return { stop: () => {} };
  const unguard = guardAgainstPageStop(window, scriptStartedEventName(), () =>
    Boolean(browser.runtime?.id),
  );
  // First, what this page says about the submit before it (accepted, or refused and why).
  const outcome = sendMessage('page.outcome', readPageReport(document))
    .then((reply) => (reply.ok ? reply.value : null))
    .catch(() => null);
  const autofill = startAutofill({
    doc: document,
    t,
    lang: uiLanguage(),
    generic,
    requestCodes: (hints) => sendMessage('otp.codes', hints),
    chooser: {
      list: (hints) => sendMessage('otp.choices', hints),
      choose: (ref, hints) => sendMessage('otp.choose', { ...hints, ref }),
    },
    openUnlock,
    waitForUnlock,
    reportSubmit: (ref, code) => void sendMessage('otp.submitted', { ref, code }),
  });
  // After the OTP field's code request, which is the one a login page waits for.
  const enrollment = startEnrollment({
    doc: document,
    t,
    lang: uiLanguage(),
    hostname: location.hostname,
    enroll: (source, hints) => sendMessage('enroll.add', { source, hints }),
    recordDevice: (ref, label, code) =>
      void sendMessage('enroll.device', code ? { ref, label, code } : { ref, label }),
    requestCode: (ref) => sendMessage('enroll.code', { ref }),
    openUnlock: () => sendMessage('ui.open-unlock', undefined),
    waitForUnlock,
    onSetupPage: (setup) => void sendMessage('enroll.page', { setup }),
  });
  const notes = createScope();
  void outcome.then((refusal) => {
    if (!refusal || notes.stopped) return;
    showRefusalNote(notes, document, refusal, {
      t,
      lang: uiLanguage(),
      hostname: location.hostname,
      correctClock: () =>
        sendMessage('clock.correct', undefined).then((reply) => reply.ok && reply.value),
      onCorrected: () => autofill.renew(),
    });
  });
  const recovery = startRecoveryCodes({
    doc: document,
    t,
    lang: uiLanguage(),
    hostname: location.hostname,
    save: (codes, user) => sendMessage('recovery.save', { codes, user }),
    offer: (asked, user) => sendMessage('recovery.offer', { asked, user }),
    fill: (asked, user) => sendMessage('recovery.fill', { asked, user }),
    submitted: () => void sendMessage('recovery.submitted', undefined),
    settle: (report) => void sendMessage('recovery.settle', report),
    openUnlock: () => sendMessage('ui.open-unlock', undefined),
    waitForUnlock,
  });
  const logins = createScope();
  // Sent as the page leaves: the reply may never come back, and nothing waits for it.
  watchLoginForm(logins, document, (user) => {
    sendMessage('login.user', { user }).catch(() => undefined);
  });
  // 「このページに入力」, the shortcut and the context menu arrive from the background.
  const onFillNow = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    if (!isFillNow(message)) return undefined;
    return autofill.fillNow() satisfies Promise<FillNowReply>;
  };
  browser.runtime.onMessage.addListener(onFillNow);

  const stop = () => {
    unguard();
    browser.runtime.onMessage.removeListener(onFillNow);
    autofill.stop();
    enrollment.stop();
    logins.stop();
    recovery.stop();
    notes.stop();
  };
  ctx.onInvalidated(stop);
  return { stop };
}
