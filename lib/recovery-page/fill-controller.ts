import type { AppError, Result } from '../app-error';
import { fillInput } from '../autofill/fill-input';
import { onPageChanges } from '../content/page-changes';
import { createScope, type Scope } from '../content/scope';
import { readAccountHint } from '../enroll/setup-page';
import { errorText, type Translate } from '../i18n';
import type { RecoveryOffer, RecoveryOfferInfo } from '../messaging';
import {
  readRecoveryLoginPage,
  recoveryPageReport,
  type RecoveryLoginPage,
  type RecoveryPageReport,
} from '../recovery-codes/keycloak-pages';
import { createRecoveryUi, type RecoveryUi } from './recovery-ui';

export interface RecoveryFillDeps {
  doc: Document;
  t: Translate;
  lang: string;
  /** Which code a click would fill (never the code). */
  offer: (asked: number | null, user: string) => Promise<Result<RecoveryOffer>>;
  /** The code, for the user's click. */
  fill: (
    asked: number | null,
    user: string,
  ) => Promise<Result<RecoveryOfferInfo & { code: string }>>;
  /** The user sent the form with the filled code. */
  submitted: () => void;
  /** What this page says about a code filled on the page before it. */
  settle: (report: RecoveryPageReport) => void;
  openUnlock: () => Promise<unknown>;
  waitForUnlock: (scope: Scope, then: () => void) => void;
}

/**
 * On Keycloak's recovery code login page, offers the saved code the page asks for (its number)
 * under the field: 「リカバリーコード #N を入力」. A recovery code is precious, so it is never filled
 * by itself: only the user's own click fills it, and the worker counts it as used only once the
 * next page shows the site took it. Every page reports itself first (`settle`), which is how the
 * page after a filled code tells the worker.
 */
export function startRecoveryFill(deps: RecoveryFillDeps): { stop: () => void } {
  const scope = createScope();
  let ui: RecoveryUi | undefined;
  let asking = false;
  deps.settle(recoveryPageReport(deps.doc));

  const attach = () => {
    const page = readRecoveryLoginPage(deps.doc);
    if (!page || asking || ui?.mount.host.isConnected) return;
    asking = true;
    void deps.offer(page.asked, readAccountHint(deps.doc)).then((reply) => {
      asking = false;
      if (!scope.stopped && reply.ok) show(page, reply.value);
    });
  };

  const show = (page: RecoveryLoginPage, offer: RecoveryOffer) => {
    if (offer.vault === 'none' || (offer.vault === 'unlocked' && !offer.offer)) return;
    ui?.mount.remove();
    const info = offer.vault === 'unlocked' ? offer.offer : null;
    ui = createRecoveryUi(scope, deps.doc, {
      t: deps.t,
      lang: deps.lang,
      testid: 'recovery-fill',
      label: info ? deps.t('recovery_fill_button', [`${info.number}`]) : deps.t('badge_locked'),
      ...(info ? { title: info.title } : {}),
      place: (host) => anchorOf(page.input).insertAdjacentElement('afterend', host),
      onClick: () => (info ? void run(page) : void deps.openUnlock()),
    });
    if (!info) waitThenOffer();
  };

  const waitThenOffer = () =>
    deps.waitForUnlock(scope, () => {
      ui?.mount.remove();
      attach();
    });

  let filledOnce = false;
  const run = async (page: RecoveryLoginPage) => {
    if (!ui) return;
    ui.setBusy(true);
    const reply = await deps.fill(page.asked, readAccountHint(deps.doc));
    if (scope.stopped) return;
    ui.setBusy(false);
    if (!reply.ok) return onError(reply.error);
    const { code, number, title, left } = reply.value;
    fillInput(page.input, code);
    page.input.focus();
    ui.show(deps.t('recovery_filled', [`${number}`, title, `${left}`]), 'ok');
    if (filledOnce) return;
    filledOnce = true;
    // Sent with the code we filled (not something the user typed over it): worth watching.
    const cancel = scope.listen(page.form, 'submit', () => {
      if (page.input.value.replace(/[\s-]/g, '') !== code) return;
      cancel();
      deps.submitted();
    });
  };

  const onError = (error: AppError) => {
    if (error.key !== 'error_vault_locked') return ui?.show(errorText(deps.t, error), 'error');
    ui?.show(deps.t('badge_locked'), 'info', {
      label: deps.t('enroll_unlock'),
      run: () => void deps.openUnlock(),
    });
    waitThenOffer();
  };

  attach();
  onPageChanges(scope, deps.doc, attach);
  return { stop: scope.stop };
}

/** Right after the field, or after the inline wrapper a theme puts around it (v2's span). */
function anchorOf(input: HTMLInputElement): Element {
  const parent = input.parentElement;
  return parent?.localName === 'span' ? parent : input;
}
