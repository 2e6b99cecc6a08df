import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect } from 'vitest';
import { bytesToBase64, decodeBase64Strict } from '../../../lib/crypto/base64';
import type { KdfCost } from '../../../lib/crypto/kdf-params';
import { VaultDatabase } from '../../../lib/db/vault-database';
import type { AccountData } from '../../../lib/otp/types';
import { MemorySessionStore } from '../../../lib/vault/memory-session-store';
import { Vault } from '../../../lib/vault/vault';
import { VaultError, type VaultErrorCode } from '../../../lib/vault/errors';

/** Cheap Argon2id cost so most tests run in milliseconds. */
export const FAST_KDF: KdfCost = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

export const PASSWORD = 'correct horse battery';

/** A clock the test moves by hand. */
export function fakeClock(start = 1_750_000_000_000) {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
}

/** A fresh, isolated fake IndexedDB + session store + clock + vault. */
export function setup() {
  const db = new VaultDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  const session = new MemorySessionStore();
  const clock = fakeClock();
  const deps = { db, session, crypto: globalThis.crypto, now: clock.now };
  return {
    db,
    session,
    clock,
    vault: new Vault(deps),
    /** A new Vault on the same database and session: a restarted service worker. */
    restart: () => new Vault(deps),
  };
}

/** A created and unlocked vault (fast KDF). */
export async function unlockedVault() {
  const env = setup();
  await env.vault.create(PASSWORD, { kdf: FAST_KDF });
  return env;
}

export function sampleAccount(overrides: Partial<AccountData> = {}): AccountData {
  return {
    type: 'totp',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: 'KOSMO',
    name: 'taro@example.jp',
    sites: ['https://densenkenpo.portal.kosmo-web.jp'],
    ...overrides,
  };
}

/** Every row of every table, as JSON: what an attacker with the profile directory would see. */
export async function dumpDb(db: VaultDatabase): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return JSON.stringify(tables);
}

/** Asserts that `promise` rejects with a VaultError of `code`, and returns it. */
export async function expectVaultError(
  promise: Promise<unknown>,
  code: VaultErrorCode,
): Promise<VaultError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VaultError);
  expect((error as VaultError).code).toBe(code);
  return error as VaultError;
}

/** The same base64 with one bit of byte `index` flipped. */
export function flipByte(base64: string, index = 0): string {
  const bytes = decodeBase64Strict(base64);
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytesToBase64(bytes);
}
