import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import type { SyncStatusView } from '../lib/messaging';
import { ErrorMessage } from './error-message';
import { ManageSection } from './manage-section';
import { SyncStatus } from './sync-status';

interface Props {
  t: Translate;
  status: SyncStatusView;
  busy: boolean;
  error: string | null;
  lang: string;
  onEnable: (password: string) => Promise<boolean>;
  onJoin: (password: string) => Promise<boolean>;
  onStop: () => void;
  onRemove: () => void;
  onSyncNow: () => void;
}

/**
 * 「ほかのPCと同期」: opt-in with the master password (a very weak one is refused in the worker),
 * the status, and the ways out. When another vault is synced, its password merges this one in.
 */
export function SyncSection(props: Props) {
  const { t, status, busy, error, lang } = props;
  const [password, setPassword] = useState('');
  const joining = status.remote === 'other';
  const asking = !status.enabled || joining;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await (joining ? props.onJoin(password) : props.onEnable(password));
    if (done) setPassword('');
  };
  const remove = () => {
    if (window.confirm(t('sync_remove_confirm'))) props.onRemove();
  };

  return (
    <div data-testid="settings-sync">
      <ManageSection id="sync" title={t('settings_sync_title')} intro={t('sync_explain')}>
        <SyncStatus t={t} status={status} lang={lang} />
        {joining && (
          <p className="warning" data-testid="sync-other">
            {t('sync_other', [status.remoteFingerprint ?? ''])}
          </p>
        )}
        {asking && (
          <form className="subsection" onSubmit={(event) => void submit(event)}>
            <h3>{t('sync_enable_label')}</h3>
            <label>
              {t('sync_password')}
              <input
                type="password"
                autoComplete="current-password"
                data-testid="sync-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            <button
              type="submit"
              className="primary"
              disabled={busy || !password}
              data-testid={joining ? 'sync-join' : 'sync-enable'}
            >
              {t(joining ? 'sync_join' : 'sync_enable')}
            </button>
          </form>
        )}
        <ErrorMessage text={error} />
        <div className="sync-actions">
          {status.enabled && !joining && (
            <button type="button" disabled={busy} data-testid="sync-now" onClick={props.onSyncNow}>
              {t('sync_now')}
            </button>
          )}
          {status.enabled && (
            <button type="button" disabled={busy} data-testid="sync-stop" onClick={props.onStop}>
              {t('sync_stop')}
            </button>
          )}
          {status.remote !== 'none' && (
            <button type="button" disabled={busy} data-testid="sync-remove" onClick={remove}>
              {t('sync_remove')}
            </button>
          )}
        </div>
      </ManageSection>
    </div>
  );
}
