import { aad, open, seal } from '../crypto/aes-gcm';
import { SESSION_KEYS } from './session-keys';
import type { SessionStore } from './session-store';

/** A recovery key as the user sees it once: the key, and what tells this kit apart. */
export interface RecoveryKeyView {
  /** The key as written on the kit (`XXXXX-XXXXX-…`). */
  key: string;
  fingerprint: string;
  createdAt: number;
}

const PENDING_AAD = aad('pc-authenticator/recovery-pending/v1');

/**
 * The recovery key between being made and the user's 「書き留めました」: sealed with AES-GCM
 * under the data key in the session store (memory only, gone when the browser closes), so the
 * popup and the emergency-kit tab can both show it and nothing readable is left behind. Only the
 * unlocked vault opens it; locking removes it (`SessionKey.clear`).
 */
export class PendingRecoveryKey {
  readonly #store: SessionStore;
  readonly #crypto: Crypto;

  constructor(store: SessionStore, crypto: Crypto) {
    this.#store = store;
    this.#crypto = crypto;
  }

  /** Keeps `view` sealed under `dek`, replacing any earlier one. */
  async put(dek: CryptoKey, view: RecoveryKeyView): Promise<void> {
    const plaintext = new TextEncoder().encode(JSON.stringify(view));
    try {
      const box = await seal(this.#crypto, dek, plaintext, PENDING_AAD);
      await this.#store.set(SESSION_KEYS.recoveryPending, JSON.stringify(box));
    } finally {
      plaintext.fill(0);
    }
  }

  /** The waiting key, or `undefined` (none, or not sealed under this `dek`). */
  async get(dek: CryptoKey): Promise<RecoveryKeyView | undefined> {
    const stored = await this.#store.get(SESSION_KEYS.recoveryPending);
    if (typeof stored !== 'string') return undefined;
    try {
      const bytes = await open(this.#crypto, dek, JSON.parse(stored), PENDING_AAD);
      const view = JSON.parse(new TextDecoder().decode(bytes)) as Partial<RecoveryKeyView>;
      bytes.fill(0);
      const { key, fingerprint, createdAt } = view;
      if (typeof key !== 'string' || typeof fingerprint !== 'string') return undefined;
      return typeof createdAt === 'number' ? { key, fingerprint, createdAt } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Forgets the waiting key. */
  async clear(): Promise<void> {
    await this.#store.remove(SESSION_KEYS.recoveryPending);
  }
}
