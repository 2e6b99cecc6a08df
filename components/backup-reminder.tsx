import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  /** No backup was ever made (otherwise: accounts changed since the last one). */
  never: boolean;
  onOpen: () => void;
  /** 「あとで」: not again for a month (no button without it). */
  onLater?: () => void;
}

/** A small, friendly nudge in the popup: make a backup (opens the manage page's section). */
export function BackupReminder({ t, never, onOpen, onLater }: Props) {
  return (
    <div className="notice reminder" role="status" data-testid="backup-reminder">
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M19.4 10A7.5 7.5 0 0 0 5.4 8 6 6 0 0 0 6 20h13a5 5 0 0 0 .4-10zM13 13v4h-2v-4H8l4-4 4 4h-3z" />
      </svg>
      <p>{never ? t('reminder_backup_never') : t('reminder_backup_changed')}</p>
      <div className="reminder-actions">
        <button type="button" className="small" data-testid="backup-reminder-open" onClick={onOpen}>
          {t('reminder_backup_button')}
        </button>
        {onLater && (
          <button
            type="button"
            className="small link"
            data-testid="reminder-later"
            title={t('reminder_later_hint')}
            onClick={onLater}
          >
            {t('reminder_later')}
          </button>
        )}
      </div>
    </div>
  );
}
