import { isClockOff } from '../clock';

/**
 * Why a site (Keycloak) most likely refused a code the extension filled, in the order the user
 * should look at it:
 * - `clock`: the PC clock is off from the server's by more than a step's tolerance;
 * - `used`: the code's step was already used by an earlier login or setup (wait for the next);
 * - `device`: the user has several devices and another one is selected in Keycloak's chooser;
 * - `wrong-key`: fresh, well-timed codes were refused twice: the key is not the one the site has;
 * - `retry`: none of these yet (a first refusal of a fresh code): try the next code.
 */
export type RefusalReason =
  | { kind: 'clock'; offsetMs: number; correctable: boolean }
  | { kind: 'used'; waitSeconds: number }
  | { kind: 'device' }
  | { kind: 'wrong-key' }
  | { kind: 'retry' };

/** What the worker knows about one refused code. */
export interface RefusalFacts {
  /**
   * Server minus PC clock as just measured, minus the correction already applied to the
   * account's codes; null when unknown (no usable `Date` header).
   */
  clockOffsetMs: number | null;
  /** Whether the extension may correct that offset itself (small enough, a trusted site). */
  correctable: boolean;
  /** The refused code's step (null: unknown, e.g. HOTP). */
  codeStep: number | null;
  /** The account's last used step before this submit (null: none known). */
  usedBefore: number | null;
  /** Seconds until a step after the used one begins. */
  waitSeconds: number;
  /**
   * Keycloak's device chooser: `other` — another device than this account's is selected;
   * `unknown` — several devices and this account's device name is not known; `ours` or `none`
   * (no chooser).
   */
  device: 'other' | 'unknown' | 'ours' | 'none';
  /** Refusals of fresh, well-timed codes of this account in a row, this one included. */
  freshRefusals: number;
}

/** After this many refusals of fresh codes in a row, the key itself is the likely cause. */
export const WRONG_KEY_AFTER = 2;

/** Whether a refusal with these facts counts toward {@link WRONG_KEY_AFTER}. */
export function isFreshRefusal(
  facts: Pick<RefusalFacts, 'clockOffsetMs' | 'codeStep' | 'usedBefore'>,
) {
  return !isClockOff(facts.clockOffsetMs) && !wasUsed(facts.codeStep, facts.usedBefore);
}

/** The likely cause of one refusal (see {@link RefusalReason} for the order). */
export function refusalReason(facts: RefusalFacts): RefusalReason {
  const { clockOffsetMs, codeStep, usedBefore } = facts;
  if (isClockOff(clockOffsetMs)) {
    return { kind: 'clock', offsetMs: clockOffsetMs, correctable: facts.correctable };
  }
  if (wasUsed(codeStep, usedBefore)) return { kind: 'used', waitSeconds: facts.waitSeconds };
  const wrongKey = facts.freshRefusals >= WRONG_KEY_AFTER;
  // A known other device is the cause; an unknown one is worth checking until the key is suspect.
  if (facts.device === 'other' || (facts.device === 'unknown' && !wrongKey)) {
    return { kind: 'device' };
  }
  if (wrongKey) return { kind: 'wrong-key' };
  return { kind: 'retry' };
}

function wasUsed(codeStep: number | null, usedBefore: number | null): boolean {
  return codeStep !== null && usedBefore !== null && codeStep <= usedBefore;
}

/**
 * Where the chooser stands for the account whose code was refused: its recorded device name
 * (Keycloak's `userLabel`) against the devices the page lists and the one selected.
 */
export function deviceState(
  devices: { labels: readonly string[]; selected: string | null } | null,
  deviceName: string | undefined,
): RefusalFacts['device'] {
  if (!devices || devices.labels.length < 2) return 'none';
  if (!deviceName || !devices.labels.includes(deviceName)) return 'unknown';
  return devices.selected === deviceName ? 'ours' : 'other';
}
