import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  offsetMs: number;
  onCorrect: () => void;
}

/** The PC clock is far enough off that sites will refuse the codes: say so, offer the fix. */
export function ClockWarning({ t, offsetMs, onCorrect }: Props) {
  const amount = durationText(t, Math.abs(offsetMs));
  return (
    <div className="warning clock-warning" role="alert" data-testid="clock-warning">
      <p>{t(offsetMs > 0 ? 'clock_behind' : 'clock_ahead', [amount])}</p>
      <button type="button" className="small" data-testid="clock-correct" onClick={onCorrect}>
        {t('clock_correct')}
      </button>
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
