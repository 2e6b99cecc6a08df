import type { Translate } from '../lib/i18n';
import type { SyncReport, SyncStatusView } from '../lib/messaging';

interface Props {
  t: Translate;
  status: SyncStatusView;
  lang: string;
}

/** What the last run found that the user should know, in words (nothing when all went well). */
function problems(t: Translate, last: SyncReport): string[] {
  const out: string[] = [];
  if (last.status === 'too-large' && last.tooLarge) {
    out.push(t('sync_too_large', [`${Math.ceil(last.tooLarge.bytes / 1024)}`]));
  }
  if (last.status === 'unreadable') out.push(t('sync_unreadable'));
  if (last.status === 'write-failed') out.push(t('sync_write_failed'));
  if (last.corrupt.length > 0) out.push(t('sync_corrupt', [`${last.corrupt.length}`]));
  if (last.passwordChanged) out.push(t('sync_password_changed'));
  return out;
}

/** 「同期はオンです」, the last sync, the counts on each side and the key's fingerprint. */
export function SyncStatus({ t, status, lang }: Props) {
  const { last, fingerprint } = status;
  return (
    <div className="sync-status" data-testid="sync-status">
      <p>
        <strong>{t(status.enabled ? 'sync_state_on' : 'sync_state_off')}</strong>
      </p>
      {status.enabled && (
        <p data-testid="sync-last">
          {last ? t('sync_last', [new Date(last.at).toLocaleString(lang)]) : t('sync_never')}
        </p>
      )}
      {status.enabled && last && (
        <p data-testid="sync-counts">
          {t('sync_counts', [`${last.localCount}`, `${last.remoteCount}`])}
        </p>
      )}
      {fingerprint && <p data-testid="sync-fingerprint">{t('sync_fingerprint', [fingerprint])}</p>}
      {status.enabled &&
        last &&
        problems(t, last).map((text) => (
          <p key={text} className="warning" role="status" data-testid="sync-problem">
            {text}
          </p>
        ))}
    </div>
  );
}
