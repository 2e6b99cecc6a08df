import { generateCode } from './code';
import { timeStep } from './step-time';
import type { Account } from './types';

/**
 * The codes of one account for one step: TOTP's time step `floor(now / period)` or HOTP's
 * counter. The worker makes them; pages only pick which one to show.
 */
interface AccountCodes {
  step: number;
  current: string;
  /** TOTP: the next step's code, so a page can switch at the step's end without asking. */
  next: string | null;
}

/**
 * What an extension page gets for an account: everything it shows, and codes instead of the
 * secret (only the export, after the master password, hands out keys).
 */
export interface AccountView extends Omit<Account, 'secret' | 'recoveryCodes'> {
  /** Null when the stored record cannot make codes (a broken key or parameters). */
  codes: AccountCodes | null;
  /** How many of the site's recovery codes are saved and unused (the codes only after a password). */
  recoveryCount?: { total: number; unused: number };
  /**
   * TOTP: the step of the last code a site took from a page we filled; a code of that step or
   * an earlier one would be refused (the popup says to wait).
   */
  usedStep?: number;
}

/**
 * The page's view of `account` at `nowMs` (the worker's clock, with the user's correction). Built
 * field by field so a field added to {@link Account} later never reaches a page by accident.
 */
export function accountView(account: Account, nowMs: number): AccountView {
  const { id, order, updatedAt, issuer, name, type, algorithm, digits, period, counter } = account;
  const view: AccountView = {
    ...{ id, order, updatedAt, issuer, name, type, algorithm, digits, period, counter },
    sites: [...account.sites],
    codes: codesAt(account, nowMs),
  };
  if (account.deviceName !== undefined) view.deviceName = account.deviceName;
  if (account.pinned !== undefined) view.pinned = account.pinned;
  // Which sites the user bound themself: the popup's clock check asks only those.
  if (account.trustedSites !== undefined) view.trustedSites = [...account.trustedSites];
  if (account.user !== undefined) view.user = account.user;
  if (account.pending) view.pending = true;
  const recovery = account.recoveryCodes ?? [];
  if (recovery.length > 0) {
    view.recoveryCount = { total: recovery.length, unused: recovery.filter((c) => !c.used).length };
  }
  return view;
}

/**
 * Codes already made, one per account, key, parameters and step: a popup opened again in the
 * same step (or the fill of a page) gets them without an HMAC, and the step after reuses the
 * "next" code made in the step before. Worker memory only; the keys hold secrets, so
 * {@link forgetCodes} runs on lock. Emptied when it grows past {@link MEMO_MAX}.
 */
const memo = new Map<string, string | null>();
const MEMO_MAX = 4096;

/** How many times the codes were forgotten: work planned before a lock is dropped. */
let forgotten = 0;

/** Empties the codes made so far (the vault was locked). */
export function forgetCodes(): void {
  memo.clear();
  forgotten++;
}

/** Accounts per slice of {@link codesAhead}: a few ms of HMACs. */
const AHEAD_SLICE = 20;

/**
 * Makes, ahead of time, the codes pages will ask for in the next step (the one after that step's
 * "next"), so the first request of a new step finds every code made (issue 13). Call it when the
 * answer is on its way: it runs in slices of {@link AHEAD_SLICE} accounts, each handed to `later`
 * by the one before, so requests arriving meanwhile wait for one slice, not for 200 accounts
 * (~100 ms). It stops once the codes were forgotten (a lock) meanwhile.
 */
export function codesAhead(
  accounts: readonly Account[],
  nowMs: (account: Account) => number,
  later: (job: () => void) => void,
): void {
  const planned = forgotten;
  const slices: Account[][] = [];
  for (let i = 0; i < accounts.length; i += AHEAD_SLICE) {
    slices.push(accounts.slice(i, i + AHEAD_SLICE));
  }
  const next = () => {
    const slice = slices.shift();
    if (!slice || planned !== forgotten) return;
    for (const account of slice) {
      if (account.type === 'totp') codeAt(account, timeStep(account.period, nowMs(account)) + 2);
    }
    later(next);
  };
  later(next);
}

function codesAt(account: Account, nowMs: number): AccountCodes | null {
  const step = account.type === 'hotp' ? account.counter : timeStep(account.period, nowMs);
  const current = codeAt(account, step);
  if (current === null) return null;
  if (account.type === 'hotp') return { step, current, next: null };
  const next = codeAt(account, step + 1);
  return next === null ? null : { step, current, next };
}

/** The code of TOTP step (or HOTP counter) `step`, or null when the record cannot make one. */
function codeAt(account: Account, step: number): string | null {
  const { id, type, secret, algorithm, digits, period } = account;
  const key = [id, type, secret, algorithm, digits, period, step].join('\n');
  const known = memo.get(key);
  if (known !== undefined) return known;
  const made = makeCode(account, step);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, made);
  return made;
}

function makeCode(account: Account, step: number): string | null {
  try {
    if (account.type === 'hotp') return generateCode({ ...account, counter: step }, 0);
    return generateCode(account, step * account.period * 1000);
  } catch {
    return null;
  }
}
