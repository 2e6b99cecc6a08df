/** User preferences, kept in `storage.local` (never anything secret). */
export interface Settings {
  /** Lock after this many idle minutes; 0 = only when the browser closes. */
  autoLockMinutes: number;
  /** Fill the code as soon as an OTP field appears (one account bound to the site, unlocked). */
  autoFill: boolean;
  /** Press the form's submit button after filling (off: the user always submits). */
  submitAfterFill: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  autoFill: true,
  submitAfterFill: false,
};

/** Reads stored settings tolerantly: unknown or broken values fall back to the defaults. */
export function parseSettings(raw: unknown): Settings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const minutes = value.autoLockMinutes;
  const flag = (key: 'autoFill' | 'submitAfterFill') =>
    typeof value[key] === 'boolean' ? (value[key] as boolean) : DEFAULT_SETTINGS[key];
  return {
    autoLockMinutes:
      typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0 && minutes <= 1440
        ? minutes
        : DEFAULT_SETTINGS.autoLockMinutes,
    autoFill: flag('autoFill'),
    submitAfterFill: flag('submitAfterFill'),
  };
}
