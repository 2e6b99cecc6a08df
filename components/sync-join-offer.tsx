import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import type { SyncJoin } from '../lib/messaging';
import { ErrorMessage } from './error-message';
import { RecoveryKeyForm } from './recovery-key-form';

interface Props {
  t: Translate;
  busy: boolean;
  error: string | null;
  onJoin: (data: SyncJoin) => void;
  /** The user moved between the password and the recovery key: the last error no longer fits. */
  onSwitch: () => void;
  onSkip: () => void;
}

/**
 * 「同期されたアカウントがあります」 on a fresh install: the synced vault's master password opens
 * it here — or, when it is forgotten, the recovery key with a new password (which the other PCs
 * then ask for); or the user makes a new vault instead (it can be merged later from the manage
 * page).
 */
export function SyncJoinOffer({ t, busy, error, onJoin, onSwitch, onSkip }: Props) {
  const [password, setPassword] = useState('');
  const [withKey, setWithKey] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password) onJoin({ password });
  };
  const switchTo = (key: boolean) => {
    onSwitch();
    setWithKey(key);
  };
  return (
    <section className="panel" aria-labelledby="sync-offer-title" data-testid="sync-offer">
      <h1 id="sync-offer-title">{t('sync_offer_title')}</h1>
      {withKey ? (
        <>
          <RecoveryKeyForm
            t={t}
            busy={busy}
            error={error}
            intro="sync_offer_key_intro"
            onRecover={(recoveryKey, newPassword) => onJoin({ recoveryKey, newPassword })}
          />
          <button
            type="button"
            className="small link"
            data-testid="sync-join-with-password"
            onClick={() => switchTo(false)}
          >
            {t('sync_offer_use_password')}
          </button>
        </>
      ) : (
        <>
          <p>{t('sync_offer_text')}</p>
          <form onSubmit={submit}>
            <label>
              {t('sync_offer_password')}
              <input
                type="password"
                autoComplete="current-password"
                autoFocus
                data-testid="sync-join-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            <ErrorMessage text={error} />
            <button
              type="submit"
              className="primary"
              style={{ marginTop: 8 }}
              disabled={busy || !password}
              data-testid="sync-join-submit"
            >
              {t('sync_offer_submit')}
            </button>
          </form>
          <button
            type="button"
            className="small link"
            data-testid="sync-join-with-key"
            onClick={() => switchTo(true)}
          >
            {t('sync_offer_use_key')}
          </button>
        </>
      )}
      <button
        type="button"
        className="small"
        style={{ marginTop: 16 }}
        data-testid="sync-offer-skip"
        onClick={onSkip}
      >
        {t('sync_offer_skip')}
      </button>
    </section>
  );
}
