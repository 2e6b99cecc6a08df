import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  onOpen: () => void;
  /** 「あとで」: not again for a month. */
  onLater: () => void;
}

/** The popup's nudge while there is no recovery key the user has: make one on the manage page. */
export function RecoveryReminder({ t, onOpen, onLater }: Props) {
  return (
    <div className="notice reminder" role="status" data-testid="recovery-reminder">
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12.65 10A6 6 0 1 0 12.65 14H17v4h4v-4h2v-4H12.65zM7 14a2 2 0 1 1 0-4 2 2 0 0 1 0 4z" />
      </svg>
      <p>{t('reminder_recovery')}</p>
      <div className="reminder-actions">
        <button
          type="button"
          className="small"
          data-testid="recovery-reminder-open"
          onClick={onOpen}
        >
          {t('reminder_recovery_button')}
        </button>
        <button
          type="button"
          className="small link"
          data-testid="reminder-later"
          title={t('reminder_later_hint')}
          onClick={onLater}
        >
          {t('reminder_later')}
        </button>
      </div>
    </div>
  );
}
