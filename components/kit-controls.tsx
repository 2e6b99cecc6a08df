import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import { ErrorMessage } from './error-message';

interface Props {
  t: Translate;
  busy: boolean;
  onPrint: () => void;
  /** 「印刷・書き留めが終わりました」: the key is never shown again. */
  onDone: () => void;
  /** Whether the account keys are on the sheet. */
  accountsShown: boolean;
  accountsError: string | null;
  /** Resolves true once the keys are on the sheet (after the master password). */
  onShowAccounts: (password: string) => Promise<boolean>;
  onHideAccounts: () => void;
}

/** What the kit page offers on screen only (never printed): print, done, the account keys. */
export function KitControls(props: Props) {
  const { t, busy, onPrint, onDone, accountsShown, accountsError } = props;
  const [wanted, setWanted] = useState(false);
  const [password, setPassword] = useState('');

  const show = async (event: FormEvent) => {
    event.preventDefault();
    await props.onShowAccounts(password);
    setPassword('');
  };

  return (
    <div className="kit-controls no-print">
      <div className="kit-buttons">
        <button type="button" className="primary" data-testid="kit-print" onClick={onPrint}>
          {t('kit_print')}
        </button>
        <p className="hint">{t('kit_print_hint')}</p>
      </div>
      <div className="kit-buttons">
        <button type="button" data-testid="kit-done" disabled={busy} onClick={onDone}>
          {t('kit_done')}
        </button>
        <p className="hint">{t('kit_done_hint')}</p>
      </div>
      {accountsShown ? (
        <button type="button" data-testid="kit-accounts-hide" onClick={props.onHideAccounts}>
          {t('kit_accounts_hide')}
        </button>
      ) : (
        <form className="kit-accounts-form" onSubmit={(event) => void show(event)}>
          <label className="check">
            <input
              type="checkbox"
              data-testid="kit-accounts-toggle"
              checked={wanted}
              onChange={(e) => setWanted(e.target.checked)}
            />
            {t('kit_accounts_toggle')}
          </label>
          {wanted && (
            <>
              <p className="warning">{t('kit_accounts_warning')}</p>
              <label>
                {t('kit_accounts_password')}
                <input
                  type="password"
                  autoComplete="current-password"
                  data-testid="kit-accounts-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  autoFocus
                />
              </label>
              <ErrorMessage text={accountsError} />
              <button type="submit" data-testid="kit-accounts-show" disabled={busy}>
                {t('kit_accounts_show')}
              </button>
            </>
          )}
        </form>
      )}
    </div>
  );
}
