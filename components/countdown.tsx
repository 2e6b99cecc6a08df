interface Props {
  secondsLeft: number;
  period: number;
  label: string;
}

const RADIUS = 10;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** A ring that empties as the code ages; red for the last 5 seconds. */
export function Countdown({ secondsLeft, period, label }: Props) {
  const urgent = secondsLeft <= 5;
  return (
    <span className={urgent ? 'countdown urgent' : 'countdown'} role="timer" aria-label={label}>
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <circle className="countdown-track" cx="12" cy="12" r={RADIUS} />
        <circle
          className="countdown-fill"
          cx="12"
          cy="12"
          r={RADIUS}
          strokeDasharray={CIRCUMFERENCE}
          strokeDashoffset={CIRCUMFERENCE * (1 - secondsLeft / period)}
        />
      </svg>
      <span className="countdown-number">{secondsLeft}</span>
    </span>
  );
}
