/** User preferences, kept in `storage.local` (`settingsItem`); never anything secret. */
export interface Settings {
  /** Lock after this many idle minutes; 0 = only when the browser closes. */
  autoLockMinutes: number;
  /** Fill the code as soon as an OTP field appears (one account bound to the site, unlocked). */
  autoFill: boolean;
  /** Press the form's submit button after filling (off: the user always submits). */
  submitAfterFill: boolean;
  /** Empty the clipboard this many seconds after copying a code; 0 = never. */
  clipboardSeconds: number;
  /** The device name given to a site at enrollment; '' = automatic (see {@link defaultDeviceName}). */
  deviceName: string;
}

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  autoFill: true,
  submitAfterFill: false,
  clipboardSeconds: 30,
  deviceName: '',
};

/** The choices the manage page offers (0 = off / only when the browser closes). */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 0] as const;
export const CLIPBOARD_CHOICES = [0, 10, 15, 30, 60, 120] as const;
export const DEVICE_NAME_MAX = 64;

/** Reads stored settings tolerantly: unknown or broken values fall back to the defaults. */
export function parseSettings(raw: unknown): Settings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const minutes = value.autoLockMinutes;
  const seconds = value.clipboardSeconds;
  const flag = (key: 'autoFill' | 'submitAfterFill') =>
    typeof value[key] === 'boolean' ? (value[key] as boolean) : DEFAULT_SETTINGS[key];
  return {
    autoLockMinutes:
      typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0 && minutes <= 1440
        ? minutes
        : DEFAULT_SETTINGS.autoLockMinutes,
    autoFill: flag('autoFill'),
    submitAfterFill: flag('submitAfterFill'),
    clipboardSeconds: (CLIPBOARD_CHOICES as readonly unknown[]).includes(seconds)
      ? (seconds as number)
      : DEFAULT_SETTINGS.clipboardSeconds,
    deviceName:
      typeof value.deviceName === 'string'
        ? cleanDeviceName(value.deviceName)
        : DEFAULT_SETTINGS.deviceName,
  };
}

/** A typed device name as stored: trimmed, at most {@link DEVICE_NAME_MAX} characters. */
export function cleanDeviceName(name: string): string {
  return [...name.trim()].slice(0, DEVICE_NAME_MAX).join('').trim();
}

/** 「PC Authenticator (Chrome)」 or 「(Edge)」: how the device shows in Keycloak's list. */
export function defaultDeviceName(userAgent: string): string {
  return `PC Authenticator (${/\bEdg\//.test(userAgent) ? 'Edge' : 'Chrome'})`;
}

/** The device name to give a site: the user's own, else the automatic one. */
export function deviceNameFor(settings: Settings, userAgent: string): string {
  return settings.deviceName || defaultDeviceName(userAgent);
}
