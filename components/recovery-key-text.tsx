interface Props {
  /** The key as written, `XXXXX-XXXXX-…`. */
  value: string;
  testId?: string;
}

/**
 * A recovery key in its numbered groups (the number is drawn by CSS, so the text stays the key
 * itself): an error that names group 3 points at the box marked 3. A line breaks only between
 * groups, after the dash.
 */
export function RecoveryKeyText({ value, testId }: Props) {
  const groups = value.split('-');
  return (
    <p className="recovery-key mono" data-testid={testId}>
      {groups.map((group, i) => (
        <span key={i} className="recovery-chunk">
          <span className="recovery-group" data-group={i + 1}>
            {group}
          </span>
          {i < groups.length - 1 && <span className="recovery-dash">-</span>}
        </span>
      ))}
    </p>
  );
}
