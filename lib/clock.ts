import { isKosmoSite } from './kosmo';
import { strictOrigin } from './site-origin';
import { trustedSitesOf, type SiteBindings } from './trusted-sites';

/** How far off the PC clock may be before codes risk being refused (Keycloak allows ±1 step). */
const CLOCK_TOLERANCE_MS = 10_000;

/**
 * The largest offset the extension corrects by itself. A clock minutes off is a PC without time
 * sync; hours off is a wrong time zone or a server lying: the PC's clock must be set instead,
 * and a hostile server must not be able to shift codes by more than this.
 */
export const CORRECTION_MAX_MS = 10 * 60_000;

/** A clock correction and the origin whose `Date` header it was measured from. */
export interface ClockCorrection {
  origin: string;
  /** Server minus PC clock. */
  offsetMs: number;
}

/**
 * The server clock minus ours, from an HTTP `Date` header and the request's start and end: the
 * server stamped the reply somewhere in between, so its midpoint is our best guess. The header
 * has whole seconds, so the answer is good to about a second — plenty against a 10 s tolerance.
 * `null` for a missing or unreadable header.
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.date
 */
export function clockOffsetMs(
  dateHeader: string | null,
  sentAt: number,
  receivedAt: number,
): number | null {
  if (!dateHeader) return null;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return null;
  // The header truncates to the second: the server's true time is on average half a second later.
  return Math.round(server + 500 - (sentAt + receivedAt) / 2);
}

/** Whether an offset is large enough to warn about. */
export function isClockOff(offsetMs: number | null): offsetMs is number {
  return offsetMs !== null && Math.abs(offsetMs) > CLOCK_TOLERANCE_MS;
}

/** Whether an offset is small enough to correct (else the PC's clock must be set). */
export function isCorrectable(offsetMs: number): boolean {
  return Number.isFinite(offsetMs) && Math.abs(offsetMs) <= CORRECTION_MAX_MS;
}

/**
 * The one origin the clock check may ask: the first KOSMO site an account is bound to by the
 * user themself (never one only an imported backup or a page's own request bound it to).
 */
export function clockSource(accounts: readonly SiteBindings[]): string | null {
  return accounts.flatMap(trustedSitesOf).find(isKosmoSite) ?? null;
}

/**
 * The rule, for the popup and the worker alike: the correction applies to the accounts bound to
 * the origin it was measured on, and to no other (another server keeps its own clock).
 */
export function offsetFor(sites: readonly string[], correction: ClockCorrection | null): number {
  return correction && sites.includes(correction.origin) ? correction.offsetMs : 0;
}

/** What the popup says about the last check, when the PC clock is off from a trusted site's. */
export interface ClockWarningState {
  origin: string;
  /** Server minus PC clock, as measured. */
  offsetMs: number;
  /** Small enough to correct here; else the user is told how to set the PC's clock. */
  correctable: boolean;
}

/**
 * Whether the last check calls for a warning: the PC clock is off from the measured site's by
 * more than the tolerance, after any correction already accepted for that site.
 */
export function clockWarning(
  check: { origin: string; offsetMs: number | null } | null,
  correction: ClockCorrection | null,
): ClockWarningState | null {
  if (!check || check.offsetMs === null) return null;
  const applied = offsetFor([check.origin], correction);
  if (!isClockOff(check.offsetMs - applied)) return null;
  return {
    origin: check.origin,
    offsetMs: check.offsetMs,
    correctable: isCorrectable(check.offsetMs),
  };
}

/** "Now" for the codes of an account bound to `sites` (the real clock plus `offsetFor`). */
export type CodeClock = (sites: readonly string[]) => number;

/** Reads a stored correction tolerantly: anything odd, or beyond the cap, is none. */
export function parseClockCorrection(raw: unknown): ClockCorrection | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { origin, offsetMs } = raw as Partial<Record<keyof ClockCorrection, unknown>>;
  const clean = strictOrigin(origin);
  if (!clean || typeof offsetMs !== 'number' || !isCorrectable(offsetMs)) return null;
  return { origin: clean, offsetMs };
}
