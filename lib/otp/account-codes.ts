import { generateCode, nextCode } from './code';
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
 * Codes already made, by account, key, parameters and step: a popup opened again in the same step
 * (or the fill of a page) gets them without 2 HMACs per account. Worker memory only; the keys
 * hold secrets, so {@link forgetCodes} runs on lock. A new step makes new entries; the map is
 * emptied when it grows past {@link MEMO_MAX}.
 */
const memo = new Map<string, AccountCodes | null>();
const MEMO_MAX = 2048;

/** Empties the codes made so far (the vault was locked). */
export function forgetCodes(): void {
  memo.clear();
}

function codesAt(account: Account, nowMs: number): AccountCodes | null {
  const { id, type, secret, algorithm, digits, period, counter } = account;
  const step = type === 'hotp' ? counter : timeStep(period, nowMs);
  const key = [id, type, secret, algorithm, digits, period, step].join('\n');
  const known = memo.get(key);
  if (known !== undefined) return known && { ...known };
  const made = makeCodes(account, nowMs);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, made);
  return made && { ...made };
}

function makeCodes(account: Account, nowMs: number): AccountCodes | null {
  try {
    if (account.type === 'hotp')
      return { step: account.counter, current: generateCode(account, nowMs), next: null };
    return {
      step: timeStep(account.period, nowMs),
      current: generateCode(account, nowMs),
      next: nextCode(account, nowMs),
    };
  } catch {
    return null;
  }
}
