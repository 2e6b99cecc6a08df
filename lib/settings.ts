/** User preferences, kept in `storage.local` (never anything secret). */
export interface Settings {
  /** Lock after this many idle minutes; 0 = only when the browser closes. */
  autoLockMinutes: number;
}

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15 };

/** Reads stored settings tolerantly: unknown or broken values fall back to the defaults. */
export function parseSettings(raw: unknown): Settings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const minutes = value.autoLockMinutes;
  return {
    autoLockMinutes:
      typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0 && minutes <= 1440
        ? minutes
        : DEFAULT_SETTINGS.autoLockMinutes,
  };
}
