import type { AppError, Result } from '../app-error';
import { onPageChanges } from '../content/page-changes';
import { createScope, type Scope } from '../content/scope';
import { readAccountHint } from '../enroll/setup-page';
import { errorText, type Translate } from '../i18n';
import type { RecoverySaved } from '../messaging';
import { readRecoverySetupPage } from '../recovery-codes/keycloak-pages';
import { createRecoveryUi, type RecoveryUi } from './recovery-ui';

export interface RecoverySaveDeps {
  doc: Document;
  t: Translate;
  lang: string;
  /** This page's host: the site the message names. */
  hostname: string;
  /** Stores the codes with the account bound to this page (`user`: the page's user name). */
  save: (codes: string[], user: string) => Promise<Result<RecoverySaved>>;
  openUnlock: () => Promise<unknown>;
  /** Calls back once the vault is unlocked; stops waiting when `scope` stops. */
  waitForUnlock: (scope: Scope, then: () => void) => void;
}

/**
 * Puts 「PC Authenticatorに保存」 right after the code list of Keycloak's recovery codes setup
 * page. A click (the user's own) reads the codes the page's form will submit — Keycloak makes new
 * ones at every render, so they are read at click time — and stores them encrypted with the
 * account bound to this site, then says where. A locked vault: the button offers to unlock and
 * saves right after. `stop()` takes everything back.
 */
export function startRecoverySave(deps: RecoverySaveDeps): { stop: () => void } {
  const scope = createScope();
  let ui: RecoveryUi | undefined;
  let busy = false;

  const attach = () => {
    const page = readRecoverySetupPage(deps.doc);
    if (!page || ui?.mount.host.isConnected) return;
    ui?.mount.remove();
    ui = createRecoveryUi(scope, deps.doc, {
      t: deps.t,
      lang: deps.lang,
      testid: 'recovery-save',
      label: deps.t('recovery_save_button'),
      place: (host) => page.anchor.insertAdjacentElement('afterend', host),
      onClick: () => void run(),
    });
  };

  const run = async () => {
    const page = readRecoverySetupPage(deps.doc);
    if (!ui || busy) return;
    if (!page) return ui.show(deps.t('recovery_page_unreadable'), 'error');
    busy = true;
    ui.setBusy(true);
    const reply = await deps.save(page.codes, readAccountHint(deps.doc));
    busy = false;
    if (scope.stopped) return;
    ui.setBusy(false);
    if (!reply.ok) return onError(reply.error);
    const { count, title, replaced } = reply.value;
    const saved = deps.t('recovery_saved', [`${count}`, title, deps.hostname]);
    ui.show(replaced ? `${saved} ${deps.t('recovery_replaced')}` : saved, 'ok');
  };

  const onError = (error: AppError) => {
    if (error.key !== 'error_vault_locked') return ui?.show(errorText(deps.t, error), 'error');
    ui?.show(deps.t('recovery_locked'), 'info', {
      label: deps.t('enroll_unlock'),
      run: () => void deps.openUnlock(),
    });
    deps.waitForUnlock(scope, () => void run());
  };

  attach();
  onPageChanges(scope, deps.doc, attach);
  return { stop: scope.stop };
}
