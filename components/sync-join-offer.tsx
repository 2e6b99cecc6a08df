import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import { ErrorMessage } from './error-message';

interface Props {
  t: Translate;
  busy: boolean;
  error: string | null;
  onJoin: (password: string) => void;
  onSkip: () => void;
}

/**
 * 「同期されたアカウントがあります」 on a fresh install: the synced vault's master password opens
 * it here; or the user makes a new vault instead (it can be merged later from the manage page).
 */
export function SyncJoinOffer({ t, busy, error, onJoin, onSkip }: Props) {
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password) onJoin(password);
  };
  return (
    <section className="panel" aria-labelledby="sync-offer-title" data-testid="sync-offer">
      <h1 id="sync-offer-title">{t('sync_offer_title')}</h1>
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
