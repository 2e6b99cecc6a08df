import { clockOffsetMs, isClockOff, isCorrectable } from '../clock';
import { clockCheckItem, clockCorrectionItem } from '../storage';
import { trustedSitesOf, type SiteBindings } from '../trusted-sites';

/** A site's clock against this PC's, as the worker just read it. */
interface SiteClock {
  /** Server minus PC clock; null without a usable `Date` header. */
  offsetMs: number | null;
  /** The extension may correct it: small enough, and a site the user bound themself. */
  correctable: boolean;
}

/**
 * Reads `origin`'s clock from its `Date` header (the popup's check, from the worker): after a
 * refused code, and before correcting. Only a site one of `accounts` trusts (the user bound it
 * themself) may be corrected for, and its check is kept for the popup's warning.
 */
export async function measureSiteClock(
  origin: string,
  accounts: readonly SiteBindings[],
): Promise<SiteClock> {
  const sentAt = Date.now();
  const response = await fetch(origin, {
    method: 'HEAD',
    cache: 'no-store',
    credentials: 'omit',
    // A site that never answers must not hold up the refusal note (or what waits behind it).
    signal: AbortSignal.timeout(5_000),
  }).catch(() => null);
  const offsetMs = clockOffsetMs(response?.headers.get('date') ?? null, sentAt, Date.now());
  const trusted = accounts.some((a) => trustedSitesOf(a).includes(origin));
  if (trusted) await clockCheckItem.setValue({ at: Date.now(), origin, offsetMs });
  return { offsetMs, correctable: trusted && offsetMs !== null && isCorrectable(offsetMs) };
}

/**
 * The refusal note's one-click fix: measures `origin` again and, when its clock is off by a
 * correctable amount, applies the popup's correction for that site's accounts. True if applied.
 */
export async function correctClock(
  origin: string,
  accounts: readonly SiteBindings[],
): Promise<boolean> {
  const bound = accounts.filter((a) => a.sites.includes(origin));
  const { offsetMs, correctable } = await measureSiteClock(origin, bound);
  if (!correctable || !isClockOff(offsetMs)) return false;
  await clockCorrectionItem.setValue({ origin, offsetMs });
  return true;
}
