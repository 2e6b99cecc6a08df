import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import type { RecoveryCode } from '../lib/otp/types';
import { groupedRecoveryCode } from '../lib/recovery-codes/codes';
import { ErrorMessage } from './error-message';

interface Props {
  t: Translate;
  /** The account's title, to name the list. */
  title: string;
  count: { total: number; unused: number };
  /** The codes, once the worker gave them for the master password. */
  codes: RecoveryCode[] | null;
  /** The password form is shown (the user asked to see the codes). */
  asking: boolean;
  busy: boolean;
  error: string | null;
  onShow: () => void;
  /** Resolves true when the codes came. */
  onOpen: (password: string) => Promise<boolean>;
  onClose: () => void;
}

/**
 * An account's Keycloak recovery codes on the manage page: how many are saved and unused, and,
 * only after the master password, the codes themselves in the site's order (used ones struck).
 */
export function RecoveryCodesBox(props: Props) {
  const { t, title, count, codes, asking, busy, error, onShow, onOpen, onClose } = props;
  const [password, setPassword] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password && (await onOpen(password))) setPassword('');
  };
  const summary = (
    <span className="recovery-count">
      {t('recovery_count', [`${count.total}`, `${count.unused}`])}
    </span>
  );
  if (codes) {
    return (
      <div className="recovery-box open" data-testid="manage-account-recovery">
        {summary}
        <p className="warning">{t('recovery_warning')}</p>
        <ol
          className="recovery-codes"
          data-testid="recovery-codes"
          aria-label={t('recovery_list_label', [title])}
        >
          {codes.map((c, i) => (
            <li key={i} data-testid="recovery-code" className={c.used ? 'used' : undefined}>
              <span className="recovery-code-text">{groupedRecoveryCode(c.code)}</span>
              {c.used && <span className="recovery-used">{t('recovery_used')}</span>}
            </li>
          ))}
        </ol>
        <button type="button" data-testid="recovery-hide" onClick={onClose}>
          {t('recovery_hide')}
        </button>
      </div>
    );
  }
  if (asking) {
    return (
      <form
        className="recovery-box open"
        data-testid="manage-account-recovery"
        onSubmit={(event) => void submit(event)}
      >
        {summary}
        <label>
          {t('recovery_password')}
          <input
            type="password"
            autoComplete="current-password"
            data-testid="recovery-password"
            value={password}
            autoFocus
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <div className="row-actions">
          <button
            type="submit"
            className="primary"
            data-testid="recovery-open"
            disabled={busy || !password}
          >
            {busy ? t('working') : t('recovery_open')}
          </button>
          <button type="button" data-testid="recovery-hide" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
        <ErrorMessage text={error} />
      </form>
    );
  }
  return (
    <div className="recovery-box" data-testid="manage-account-recovery">
      {summary}
      <button type="button" className="link" data-testid="recovery-show" onClick={onShow}>
        {t('recovery_show')}
      </button>
    </div>
  );
}
