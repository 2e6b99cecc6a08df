import type { AppError, Result } from '../app-error';
import { fillInput } from '../autofill/fill-input';
import { onPageChanges } from '../content/page-changes';
import { createScope, type Scope } from '../content/scope';
import { errorText, type Translate } from '../i18n';
import type { EnrollResult, EnrollSource, SetupCode } from '../messaging';
import { createEnrollUi, type EnrollUi } from './enroll-ui';
import { revealBelowFold } from './reveal';
import { readAccountHint, readSetupPage, type SetupSource } from './setup-page';

export interface EnrollDeps {
  doc: Document;
  t: Translate;
  /** The UI language, for line breaking inside the shadow root. */
  lang: string;
  /** This page's host: the issuer when the page names none, and the site the messages name. */
  hostname: string;
  enroll: (
    source: EnrollSource,
    hints: { issuer: string; account: string },
  ) => Promise<Result<EnrollResult>>;
  openUnlock: () => Promise<unknown>;
  /**
   * Tells the background the form is submitted: the device name the user kept (to pick the
   * account at login) and the code, when it is the one we filled (its step is used now).
   */
  recordDevice: (ref: string, label: string, code?: string) => void;
  /** The code the field should hold now (the current one, or the next near a step's end). */
  requestCode: (ref: string) => Promise<Result<SetupCode>>;
  /**
   * Calls back once the vault is unlocked (the user may unlock in the popup meanwhile); stops
   * waiting when `scope` stops.
   */
  waitForUnlock: (scope: Scope, then: () => void) => void;
  /** Told whenever the page starts or stops being a setup page (the toolbar icon's hint). */
  onSetupPage?: (shown: boolean) => void;
}

/**
 * Puts the add button beside the QR image (or the key in manual mode) of a Keycloak setup page,
 * and after the account is stored fills `#totp` and `#userLabel`, then focuses 「実行」 — the user
 * still submits. The page is read at click time: before Keycloak 24 every render has a new secret.
 * Only the user's own click enrolls (see createEnrollUi), and only once per page load.
 * `stop()` takes the button out and ends every listener, observer and wait it started.
 */
export function startEnrollment(deps: EnrollDeps): { stop: () => void } {
  const scope = createScope();
  let ui: EnrollUi | undefined;
  // One page load enrolls once: a second click (or a second unlock wait) adds nothing more.
  let busy = false;
  let done = false;
  let shown = false;
  const attach = () => {
    const source = readSetupPage(deps.doc);
    if (shown !== !!source) {
      shown = !!source;
      deps.onSetupPage?.(shown);
    }
    if (!source || ui?.mount.host.isConnected) return;
    const first = !ui;
    ui?.mount.remove();
    ui = createEnrollUi(scope, deps.doc, {
      t: deps.t,
      lang: deps.lang,
      onClick: () => {
        if (done) ui?.show(deps.t('enroll_already', [deps.hostname]), 'info');
        else void run();
      },
      place: (host) => {
        // Keycloak puts a <br> after the QR image; going after it avoids an empty line.
        const next = source.anchor.nextElementSibling;
        (next?.tagName === 'BR' ? next : source.anchor).insertAdjacentElement('afterend', host);
      },
    });
    if (first && deps.doc.defaultView) revealBelowFold(ui.mount.host, deps.doc.defaultView);
  };

  const run = async () => {
    const source = readSetupPage(deps.doc);
    if (!ui || !source || busy || done) return;
    busy = true;
    ui.setBusy(true);
    const reply = await deps.enroll(toMessage(source), hints(deps));
    busy = false;
    if (scope.stopped) return;
    ui.setBusy(false);
    if (!reply.ok) return onError(reply.error);
    done = true;
    fillForm(deps, ui, reply.value);
    const form = deps.doc.querySelector<HTMLFormElement>('form#kc-totp-settings-form');
    if (!form) return;
    const { ref } = reply.value;
    const fresh = keepFresh(scope, deps, ref, reply.value.code);
    const cancel = scope.listen(form, 'submit', () => {
      cancel();
      const ours = fresh.stop();
      const label = deps.doc.querySelector<HTMLInputElement>('input#userLabel')?.value ?? '';
      deps.recordDevice(ref, label, ours);
    });
  };

  const onError = (error: AppError) => {
    const waiting = error.key === 'error_vault_locked' || error.key === 'error_vault_none';
    if (!waiting) return ui?.show(errorText(deps.t, error), 'error');
    const locked = error.key === 'error_vault_locked';
    ui?.show(deps.t(locked ? 'enroll_locked' : 'enroll_none'), 'info', {
      label: deps.t(locked ? 'enroll_unlock' : 'enroll_create'),
      run: () => void deps.openUnlock(),
    });
    deps.waitForUnlock(scope, () => void run());
  };

  attach();
  onPageChanges(scope, deps.doc, attach);
  return { stop: scope.stop };
}

/**
 * Keeps `#totp` on a code the server accepts while the user reads the page (the current one,
 * the next one in a step's last seconds), until the form is submitted or the user types in it.
 * `stop()` ends it and returns the code in the field if it is ours.
 */
function keepFresh(scope: Scope, deps: EnrollDeps, ref: string, first: string) {
  let filled = first;
  let stopped = false;
  let cancel = () => {};
  const field = () => deps.doc.querySelector<HTMLInputElement>('input#totp');
  const renew = async () => {
    const reply = await deps.requestCode(ref);
    const input = field();
    // A field the user typed in (or emptied) is theirs.
    if (stopped || scope.stopped || !reply.ok || !input || input.value !== filled) return;
    const { code, refreshIn } = reply.value;
    if (code !== filled) {
      fillInput(input, code);
      filled = code;
    }
    if (refreshIn > 0) cancel = scope.timeout(() => void renew(), refreshIn * 1000 + 150);
  };
  void renew();
  return {
    stop(): string | undefined {
      stopped = true;
      cancel();
      return field()?.value === filled ? filled : undefined;
    },
  };
}

function toMessage(source: SetupSource): EnrollSource {
  return source.kind === 'qr' ? { qr: source.dataUrl } : { key: source.key, policy: source.policy };
}

function hints({ doc, hostname }: EnrollDeps) {
  const header = doc.querySelector('#kc-header-wrapper')?.textContent?.trim();
  return { issuer: header || hostname, account: readAccountHint(doc) };
}

function fillForm({ doc, t, hostname }: EnrollDeps, ui: EnrollUi, result: EnrollResult) {
  const code = doc.querySelector<HTMLInputElement>('input#totp');
  const label = doc.querySelector<HTMLInputElement>('input#userLabel');
  if (code) fillInput(code, result.code);
  // A name the user already typed is theirs to keep.
  if (label && !label.value.trim()) fillInput(label, result.deviceName);
  doc.querySelector<HTMLElement>('#saveTOTPBtn')?.focus();
  // The host the account now gives codes to: the user sees which site it is bound to.
  const key = result.status === 'added' ? 'enroll_added' : 'enroll_duplicate';
  ui.show(t(key, [result.title, hostname]), 'ok');
}
