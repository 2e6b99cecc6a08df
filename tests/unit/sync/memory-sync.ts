import { bytesToBase64 } from '../../../lib/crypto/base64';
import type { AccountCipher } from '../../../lib/sync/cipher';
import { syncAad } from '../../../lib/sync/cipher';
import type { LocalReplica, SyncArea, SyncState } from '../../../lib/sync/ports';
import type { AccountData } from '../../../lib/otp/types';
import type { KeySlot } from '../../../lib/vault/header';

/**
 * In-memory stand-ins for the browser's synced area and the local vault, so the real sync engine
 * runs many thousand times per test.
 */

/** A synced area as one PC sees it; `writes` records every batch it was given. */
export class MemoryArea implements SyncArea {
  items: Record<string, unknown> = {};
  readonly writes: Record<string, unknown>[] = [];
  failNext = false;

  get(): Promise<Record<string, unknown>> {
    return Promise.resolve(structuredClone(this.items));
  }

  set(items: Record<string, unknown>): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    }
    const copy = structuredClone(items);
    this.writes.push(copy);
    Object.assign(this.items, copy);
    return Promise.resolve();
  }

  remove(keys: string[]): Promise<void> {
    for (const key of keys) delete this.items[key];
    return Promise.resolve();
  }
}

/** Valid key slots; `n` changes the wrap (a password change), the data key stays. */
export function slotsNumber(n: number): KeySlot[] {
  const iv = bytesToBase64(new Uint8Array(12).fill(n % 256).map((b, i) => (i === 0 ? n >> 8 : b)));
  return [
    {
      kind: 'password',
      kdf: {
        algorithm: 'argon2id',
        memoryKiB: 1024,
        iterations: 1,
        parallelism: 1,
        salt: bytesToBase64(new Uint8Array(16).fill(7)),
      },
      wrappedDek: { iv, ciphertext: bytesToBase64(new Uint8Array(48).fill(n % 256)) },
    },
  ];
}

/** The local vault of one PC. */
export class MemoryLocal implements LocalReplica {
  readonly accountsById = new Map<string, { token: string; data: AccountData }>();
  currentSlots: KeySlot[] = slotsNumber(0);
  #tokens = 0;

  accounts() {
    return Promise.resolve(
      [...this.accountsById].map(([id, { token, data }]) => ({ id, token, data })),
    );
  }

  /** A change made by the user on this PC. */
  put(id: string, data: AccountData): string {
    this.#tokens += 1;
    const token = `t${this.#tokens}`;
    this.accountsById.set(id, { token, data: structuredClone(data) });
    return token;
  }

  write(id: string, data: AccountData) {
    return Promise.resolve(this.put(id, data));
  }

  remove(id: string) {
    this.accountsById.delete(id);
    return Promise.resolve();
  }

  slots() {
    return Promise.resolve(structuredClone(this.currentSlots));
  }

  writeSlots(slots: KeySlot[]) {
    this.currentSlots = structuredClone(slots);
    return Promise.resolve();
  }

  /** Plain view for comparing PCs: id → data. */
  snapshot(): Record<string, AccountData> {
    return Object.fromEntries([...this.accountsById].map(([id, { data }]) => [id, data]));
  }
}

/**
 * A transparent cipher for the many-run property tests: the "ciphertext" is the data with its
 * additional data, and opening checks the additional data as AES-GCM would. (The AES one is
 * tested on its own and in the smaller real-crypto property run.)
 */
export const clearCipher: AccountCipher = {
  seal: (id, stamp, data) =>
    Promise.resolve({
      iv: bytesToBase64(new Uint8Array(12)),
      ciphertext: bytesToBase64(
        new TextEncoder().encode(JSON.stringify({ aad: syncAad(id, stamp), data })),
      ),
    }),
  open(id, stamp, box) {
    const bytes = Uint8Array.from(atob(box.ciphertext), (c) => c.charCodeAt(0));
    const { aad, data } = JSON.parse(new TextDecoder().decode(bytes)) as {
      aad: string;
      data: AccountData;
    };
    if (aad !== syncAad(id, stamp)) return Promise.reject(new Error('OperationError'));
    return Promise.resolve(data);
  },
};

export function newState(device: string): SyncState {
  return { device, vaultId: 'vault-0001', clock: 0, entries: {} };
}

export function account(name: string, secret = 'JBSWY3DPEHPK3PXP'): AccountData {
  return {
    type: 'totp',
    secret,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: 'KOSMO',
    name,
    sites: [],
  };
}
