import type { AccountData } from '../otp/types';
import type { KeySlot } from '../vault/header';
import type { Stamp } from './stamp';

/**
 * What the sync engine runs on, passed in so the same merge code runs in the worker (over
 * `chrome.storage.sync` and the vault's IndexedDB) and in tests (over in-memory maps).
 */

/** The browser's synced area as one PC sees it. */
export interface SyncArea {
  get(): Promise<Record<string, unknown>>;
  /** One batched write (one write operation against the browser's rate limits). */
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** One local account: a change token (new at every write) and its data, unless it won't open. */
export interface LocalAccount {
  id: string;
  token: string;
  data?: AccountData;
}

/** The local vault, unlocked. */
export interface LocalReplica {
  accounts(): Promise<LocalAccount[]>;
  /** Adds or replaces one account; returns its new change token. */
  write(id: string, data: AccountData): Promise<string>;
  remove(id: string): Promise<void>;
  /** The local header's key slots. */
  slots(): Promise<KeySlot[]>;
  /** Replaces the key slots (the password was changed on another PC; same data key). */
  writeSlots(slots: KeySlot[]): Promise<void>;
}

/** What this PC remembers of each account's synced version; `t` is the local change token. */
export type Entry = Stamp & { t?: string };

/** Per-PC sync bookkeeping (never synced itself; ids and versions only). */
export interface SyncState {
  device: string;
  vaultId: string;
  /** The highest version seen so far (Lamport clock). */
  clock: number;
  header?: { rev: number; dev: string; token: string };
  entries: Record<string, Entry>;
}

/** A change token of the key slots: each wrap has a fresh IV. */
export const slotsToken = (slots: KeySlot[]): string =>
  slots.map((slot) => `${slot.kind}:${slot.wrappedDek.iv}`).join('.');
