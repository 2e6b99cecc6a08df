import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import type { RecoveryInfo, RecoveryKeyView } from '../lib/messaging';
import { ErrorMessage } from './error-message';
import { ManageSection } from './manage-section';
import { RecoveryKeyCard, formatDay } from './recovery-key-card';

interface Props {
  t: Translate;
  /** The current key's fingerprint and date (`null`: none; `undefined`: reading). */
  info: RecoveryInfo | null | undefined;
  /** A key just made and not yet written down. */
  pending: RecoveryKeyView | null | undefined;
  busy: boolean;
  error: string | null;
  /** Resolves true once the new key is shown. */
  onCreate: (password: string) => Promise<boolean>;
  onConfirm: () => void;
  onOpenKit: () => void;
}

/**
 * 「回復キーと緊急キット」 of the manage page: which kit is current (fingerprint and date, never
 * the key), and a new key after the master password — shown once, with the way to print it.
 */
export function RecoverySection(props: Props) {
  const { t, info, pending, busy, error, onCreate, onConfirm, onOpenKit } = props;
  const [password, setPassword] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onCreate(password);
    setPassword('');
  };

  return (
    <ManageSection
      id="recovery"
      title={t('manage_recovery_title')}
      intro={t('manage_recovery_intro')}
    >
      {info !== undefined && (
        <p data-testid="recovery-status">
          {info
            ? t('recovery_current', [info.fingerprint, formatDay(info.createdAt)])
            : t('recovery_none')}
        </p>
      )}
      {info && !info.confirmed && !pending && (
        <p className="warning">{t('recovery_unconfirmed')}</p>
      )}
      {pending ? (
        <RecoveryKeyCard
          t={t}
          view={pending}
          busy={busy}
          onOpenKit={onOpenKit}
          onDone={onConfirm}
        />
      ) : (
        <form className="subsection" onSubmit={(event) => void submit(event)}>
          {info && <p className="hint">{t('recovery_replace_warning')}</p>}
          <label>
            {t('recovery_password')}
            <input
              type="password"
              autoComplete="current-password"
              data-testid="recovery-master-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <ErrorMessage text={error} />
          <div className="subsection-actions">
            <button type="submit" className="primary" data-testid="recovery-create" disabled={busy}>
              {busy ? t('working') : t(info ? 'recovery_create_new' : 'recovery_create')}
            </button>
            <button type="button" data-testid="emergency-kit" onClick={onOpenKit}>
              {t('recovery_open_kit')}
            </button>
          </div>
        </form>
      )}
    </ManageSection>
  );
}
