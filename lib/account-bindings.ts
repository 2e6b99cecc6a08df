import { strictOrigin } from './site-origin';

/**
 * What an account may carry besides its key — the sites it gives codes to and the device it was
 * added on — as a file brings them. A file is not the user: what does not fit is dropped (the
 * account is still imported), where an edit on the manage page is refused with a message.
 */

/** More sites than anyone binds one account to; keeps a broken file or request from growing a record. */
export const SITES_MAX = 50;
/** Longest device name, as long as an issuer or account name. */
export const DEVICE_NAME_MAX = 256;
/** `https://` + the longest DNS name (253) + a port, with room to spare; URL itself has no limit. */
const SITE_LENGTH_MAX = 300;

/**
 * The exact https origins of `value` (see `strictOrigin`), without repeats, at most
 * {@link SITES_MAX}; anything else (`javascript:`, `http://`, a path, a huge string) is dropped.
 */
export function cleanSites(value: readonly unknown[]): string[] {
  const origins: string[] = [];
  for (const site of value) {
    if (origins.length >= SITES_MAX) break;
    const origin =
      typeof site === 'string' && site.length <= SITE_LENGTH_MAX ? strictOrigin(site) : null;
    if (origin && !origins.includes(origin)) origins.push(origin);
  }
  return origins;
}

/** The device name trimmed, or undefined when it is not a string, empty or too long. */
export function cleanDeviceName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed || [...trimmed].length > DEVICE_NAME_MAX) return undefined;
  return trimmed;
}
