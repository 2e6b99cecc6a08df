import type { ClockWarningState } from '../lib/clock';
import { durationText } from '../lib/duration-text';
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
