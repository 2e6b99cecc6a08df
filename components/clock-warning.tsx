import type { ClockWarningState } from '../lib/clock';
import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  warning: ClockWarningState;
  onCorrect: () => void;
}

/**
 * The PC clock is far enough off that sites will refuse the codes: say so, naming the site it
 * was measured against; offer the fix for that site's accounts, or (beyond ±10 min) explain how
 * to set the PC's clock.
 */
export function ClockWarning({ t, warning, onCorrect }: Props) {
  const { offsetMs, correctable } = warning;
  const host = new URL(warning.origin).host;
  const amount = durationText(t, Math.abs(offsetMs));
  return (
    <div className="warning clock-warning" role="alert" data-testid="clock-warning">
      <p>{t(offsetMs > 0 ? 'clock_behind' : 'clock_ahead', [host, amount])}</p>
      {correctable ? (
        <>
          <p className="hint" data-testid="clock-scope">
            {t('clock_correct_scope', [host])}
          </p>
          <button type="button" className="small" data-testid="clock-correct" onClick={onCorrect}>
            {t('clock_correct')}
          </button>
        </>
      ) : (
        <p className="hint" data-testid="clock-set-pc">
          {t('clock_set_pc')}
        </p>
      )}
    </div>
  );
}

/** 「95 秒」, 「12 分」, 「3 時間」, 「238 日」: a clock can be off by much more than seconds. */
function durationText(t: Translate, ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return t('duration_seconds', [`${seconds}`]);
  if (seconds < 2 * 3600) return t('duration_minutes', [`${Math.round(seconds / 60)}`]);
  if (seconds < 2 * 86_400) return t('duration_hours', [`${Math.round(seconds / 3600)}`]);
  return t('duration_days', [`${Math.round(seconds / 86_400)}`]);
}
