import { parseSealedBox, type SealedBox } from '../crypto/aes-gcm';
import { parseHeader, type KeySlot } from '../vault/header';
import { parseStamp, type Stamp } from './stamp';

/**
 * What this extension keeps in `chrome.storage.sync`: one header item and one item per account
 * (or its tombstone). Nothing here is readable without the data key except ids, versions and the
 * header's KDF parameters and salts, as in the local vault.
 */

/** The key of the header item. */
export const HEADER_KEY = 'vault';
/** Account items are `a.<account id>`. */
export const ACCOUNT_PREFIX = 'a.';

/** Format of the synced items written by this code. */
export const SYNC_FORMAT = 1;

/**
 * The synced header: the local vault's key slots (so the same master password and recovery key
 * open it), a key check value of the data key (`kcv`, tells whether two PCs hold the same key
 * without opening anything), and its own (rev, dev) version for password changes.
 */
export interface SyncedHeader {
  format: typeof SYNC_FORMAT;
  vaultId: string;
  kcv: string;
  rev: number;
  dev: string;
  slots: KeySlot[];
  createdAt: number;
}

/** One account as synced: its stamp and, unless deleted, the sealed account data. */
export type SyncedAccount = (Stamp & { del: true }) | (Stamp & { del?: undefined; box: SealedBox });

export const accountKey = (id: string): string => `${ACCOUNT_PREFIX}${id}`;

/** The account id of an item key, or `undefined` for another key. */
export function accountIdOf(key: string): string | undefined {
  return key.startsWith(ACCOUNT_PREFIX) && key.length > ACCOUNT_PREFIX.length
    ? key.slice(ACCOUNT_PREFIX.length)
    : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Checks a synced header; `undefined` when anything is wrong (it is then left alone). */
export function parseSyncedHeader(value: unknown): SyncedHeader | undefined {
  if (!isRecord(value) || value.format !== SYNC_FORMAT) return undefined;
  const { vaultId, kcv, slots, createdAt } = value;
  const stamp = parseStamp({ v: value.rev, d: value.dev });
  if (!stamp || typeof vaultId !== 'string' || !/^[\w-]{8,64}$/.test(vaultId)) return undefined;
  if (typeof kcv !== 'string' || !/^[0-9a-f]{32}$/.test(kcv)) return undefined;
  try {
    const header = parseHeader({ version: 2, slots, createdAt });
    return { format: SYNC_FORMAT, vaultId, kcv, rev: stamp.v, dev: stamp.d, ...header };
  } catch {
    return undefined;
  }
}

/** The item written for a header (only the fields above, nothing else). */
export function headerItem(header: SyncedHeader): Record<string, unknown> {
  const { format, vaultId, kcv, rev, dev, slots, createdAt } = header;
  return { format, vaultId, kcv, rev, dev, slots, createdAt };
}

/** Checks a synced account item; `undefined` when malformed (reported, left alone). */
export function parseSyncedAccount(value: unknown): SyncedAccount | undefined {
  if (!isRecord(value)) return undefined;
  const stamp = parseStamp(value);
  if (!stamp) return undefined;
  if (stamp.del) return { ...stamp, del: true };
  try {
    parseSealedBox(value.box);
  } catch {
    return undefined;
  }
  const { iv, ciphertext } = value.box as SealedBox;
  return { v: stamp.v, d: stamp.d, box: { iv, ciphertext } };
}

/** The item written for an account or its tombstone. */
export function accountItem(entry: SyncedAccount): Record<string, unknown> {
  return entry.del
    ? { v: entry.v, d: entry.d, del: true }
    : { v: entry.v, d: entry.d, box: entry.box };
}
