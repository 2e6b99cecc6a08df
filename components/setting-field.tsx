import type { ReactNode } from 'react';

interface Props {
  label: string;
  hint: string;
  /** Shows 「保存しました」 beside the label. */
  savedText: string | null;
  /** A checkbox goes before its label; a select or text field below it. */
  toggle?: boolean;
  children: ReactNode;
}

/** One setting: its label, its control, a line of explanation, and the saved note. */
export function SettingField({ label, hint, savedText, toggle, children }: Props) {
  const text = (
    <span className="setting-label">
      {label}
      {savedText && (
        <span className="saved" role="status" data-testid="settings-saved">
          {savedText}
        </span>
      )}
    </span>
  );
  return (
    <div className={toggle ? 'setting setting-toggle' : 'setting'}>
      <label>
        {toggle ? children : text}
        {toggle ? text : children}
      </label>
      <p className="hint">{hint}</p>
    </div>
  );
}
