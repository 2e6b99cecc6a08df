import type { Translate } from '../lib/i18n';

interface Props {
  t: Translate;
  offsetMs: number;
  onCorrect: () => void;
}

/** The PC clock is far enough off that sites will refuse the codes: say so, offer the fix. */
export function ClockWarning({ t, offsetMs, onCorrect }: Props) {
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  return (
    <div className="warning clock-warning" role="alert" data-testid="clock-warning">
      <p>{t(offsetMs > 0 ? 'clock_behind' : 'clock_ahead', [`${seconds}`])}</p>
      <button type="button" className="small" data-testid="clock-correct" onClick={onCorrect}>
        {t('clock_correct')}
      </button>
    </div>
  );
}
