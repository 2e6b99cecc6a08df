import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import { ErrorMessage } from './error-message';

/** The kit's optional parts the user asked for (both off by default). */
export interface KitExtras {
  accounts: boolean;
  codes: boolean;
}

interface Props {
  t: Translate;
  busy: boolean;
  onPrint: () => void;
  /** 「印刷・書き留めが終わりました」: the key is never shown again. */
  onDone: () => void;
  extras: KitExtras;
  onExtras: (extras: KitExtras) => void;
  /** Whether the keys and codes arrived (after the master password). */
  opened: boolean;
  error: string | null;
  /** Resolves true once the keys and codes arrived. */
  onOpen: (password: string) => Promise<boolean>;
  /** Takes every optional part off the sheet and drops the secrets. */
  onClose: () => void;
}

/** What the kit page offers on screen only (never printed): print, done, the optional parts. */
export function KitControls(props: Props) {
  const { t, busy, onPrint, onDone, extras, onExtras, opened, error } = props;
  const [password, setPassword] = useState('');
  const asking = (extras.accounts || extras.codes) && !opened;

  const open = async (event: FormEvent) => {
    event.preventDefault();
    await props.onOpen(password);
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
      <form className="kit-accounts-form" onSubmit={(event) => void open(event)}>
        <label className="check">
          <input
            type="checkbox"
            data-testid="kit-accounts-toggle"
            checked={extras.accounts}
            onChange={(e) => onExtras({ ...extras, accounts: e.target.checked })}
          />
          {t('kit_accounts_toggle')}
        </label>
        {extras.accounts && !opened && <p className="warning">{t('kit_accounts_warning')}</p>}
        <label className="check">
          <input
            type="checkbox"
            data-testid="kit-codes-toggle"
            checked={extras.codes}
            onChange={(e) => onExtras({ ...extras, codes: e.target.checked })}
          />
          {t('kit_codes_toggle')}
        </label>
        {extras.codes && !opened && <p className="warning">{t('kit_codes_warning')}</p>}
        {asking && (
          <>
            <label>
              {t('kit_secrets_password')}
              <input
                type="password"
                autoComplete="current-password"
                data-testid="kit-accounts-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoFocus
              />
            </label>
            <ErrorMessage text={error} />
            <button type="submit" data-testid="kit-accounts-show" disabled={busy}>
              {t('kit_secrets_show')}
            </button>
          </>
        )}
        {opened && (
          <button type="button" data-testid="kit-accounts-hide" onClick={props.onClose}>
            {t('kit_secrets_hide')}
          </button>
        )}
      </form>
    </div>
  );
}
