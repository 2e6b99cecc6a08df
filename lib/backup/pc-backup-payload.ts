import { cleanDeviceName, cleanSites } from '../account-bindings';
import { validateAccountData } from '../otp/account';
import { isOtpError } from '../otp/errors';
import { IMPORT_LIMITS } from '../otp/fields';
import type { AccountData, RecoveryCode } from '../otp/types';
import { MAX_RECOVERY_CODES, normalizeRecoveryCode } from '../recovery-codes/codes';
import {
  SKIP_REASONS,
  decodeUtf8,
  entryTitle,
  isObject,
  skipReasonOf,
} from '../import/importer-kit';
import { PC_BACKUP_FORMAT, corruptBackup as corrupt } from './pc-backup-format';
import type { ImportedEntries, SkippedEntry } from '../import/types';

/**
 * The decrypted payload of a backup, `{ "accounts": [BackupAccount…] }`: writing accounts into
 * it and reading them back (checked like any import).
 */

/** One account as stored inside the encrypted payload. */
export interface BackupAccount {
  issuer: string;
  name: string;
  secret: string;
  type: AccountData['type'];
  algorithm: AccountData['algorithm'];
  digits: number;
  period: number;
  counter: number;
  sites: string[];
  /** 0-based position in the user's list. */
  order: number;
  deviceName?: string;
  /** Shown at the top of the list. */
  pinned?: boolean;
  /** The site's one-time recovery codes and which were used (Keycloak's recovery codes). */
  recoveryCodes?: RecoveryCode[];
}

/** The payload object for `accounts`, each with its position in the list as `order`. */
export function toBackupPayload(accounts: readonly AccountData[]): { accounts: BackupAccount[] } {
  return {
    accounts: accounts.map((a, order): BackupAccount => ({
      issuer: a.issuer,
      name: a.name,
      secret: a.secret,
      type: a.type,
      algorithm: a.algorithm,
      digits: a.digits,
      period: a.period,
      counter: a.counter,
      sites: [...a.sites],
      order,
      ...(a.deviceName !== undefined ? { deviceName: a.deviceName } : {}),
      ...(a.pinned === true ? { pinned: true } : {}),
      ...(a.recoveryCodes?.length
        ? { recoveryCodes: a.recoveryCodes.map(({ code, used }) => ({ code, used })) }
        : {}),
    })),
  };
}

/**
 * A file's recovery codes as the vault would store them, or undefined when there are none or
 * the list is not one (then only the codes are dropped: the account itself is still good).
 */
function readRecoveryCodes(value: unknown): RecoveryCode[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_RECOVERY_CODES) {
    return undefined;
  }
  const codes: RecoveryCode[] = [];
  for (const entry of value) {
    if (!isObject(entry) || typeof entry.code !== 'string' || typeof entry.used !== 'boolean') {
      return undefined;
    }
    if (normalizeRecoveryCode(entry.code) !== entry.code) return undefined;
    codes.push({ code: entry.code, used: entry.used });
  }
  return codes;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** The payload's entries sorted by `order` (ties, and entries without one, keep file order). */
function sortedEntries(list: unknown[]): { entry: unknown; position: number }[] {
  const entries = list.map((entry: unknown, position) => ({
    entry,
    position,
    order:
      isObject(entry) && typeof entry.order === 'number' && Number.isFinite(entry.order)
        ? entry.order
        : position,
  }));
  entries.sort((a, b) => a.order - b.order || a.position - b.position);
  return entries;
}

/**
 * Reads the decrypted payload into accounts, sorted by `order` (ties keep file order). An
 * entry that is not a valid account is listed in `skipped`; sites and a device name that would
 * not pass an edit are dropped (see `cleanSites`). `pinned` is read as written — whether it is
 * kept is decided against the vault (`classifyEntries`). Throws `corrupt` when the payload itself
 * is malformed.
 */
export function readBackupPayload(plaintext: Uint8Array): ImportedEntries {
  const text = decodeUtf8(plaintext);
  let root: unknown;
  try {
    root = text === undefined ? undefined : JSON.parse(text);
  } catch {
    root = undefined;
  }
  if (!isObject(root) || !Array.isArray(root.accounts)) throw corrupt();

  const accounts: AccountData[] = [];
  const skipped: SkippedEntry[] = [];
  for (const { entry, position } of sortedEntries(root.accounts)) {
    const e = isObject(entry) ? entry : {};
    const title = entryTitle(e.issuer, e.name, position);
    const { type, issuer, name, secret, algorithm, digits, period, counter, sites } = e;
    if (
      typeof type !== 'string' ||
      typeof issuer !== 'string' ||
      typeof name !== 'string' ||
      typeof secret !== 'string' ||
      typeof algorithm !== 'string' ||
      typeof digits !== 'number' ||
      typeof period !== 'number' ||
      typeof counter !== 'number' ||
      !isStringArray(sites) ||
      (e.deviceName !== undefined && typeof e.deviceName !== 'string') ||
      (e.pinned !== undefined && typeof e.pinned !== 'boolean')
    ) {
      skipped.push({ title, reason: SKIP_REASONS.invalid });
      continue;
    }
    try {
      const account = validateAccountData(
        {
          type,
          issuer,
          name,
          secret,
          algorithm,
          digits,
          period,
          counter,
          sites: cleanSites(sites),
        },
        IMPORT_LIMITS,
      );
      // A bad site or device name is dropped, not the account: the file is the user's own.
      const deviceName = cleanDeviceName(e.deviceName);
      const recoveryCodes = readRecoveryCodes(e.recoveryCodes);
      accounts.push({
        ...account,
        ...(deviceName !== undefined ? { deviceName } : {}),
        ...(e.pinned === true ? { pinned: true } : {}),
        ...(recoveryCodes ? { recoveryCodes } : {}),
      });
    } catch (err) {
      if (!isOtpError(err)) throw err;
      skipped.push({ title, reason: skipReasonOf(err) });
    }
  }
  return { format: PC_BACKUP_FORMAT, accounts, skipped };
}
