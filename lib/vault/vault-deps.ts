import type { KdfCost } from '../crypto/kdf-params';
import type { VaultDatabase } from '../db/vault-database';
import type { SessionStore } from './session-store';

/** Everything the vault runs on; nothing is taken from globals. */
export interface VaultDeps {
  db: VaultDatabase;
  /** WebCrypto (`globalThis.crypto` in the worker and in Node 20). */
  crypto: Crypto;
  /** Session-only storage for the unlocked key (`chrome.storage.session` in the extension). */
  session: SessionStore;
  /** Clock in milliseconds (`Date.now` in the extension, a fake in tests). */
  now: () => number;
}

/** Lets tests (or a future upgrade) choose the Argon2id cost; defaults: 64 MiB, t=3, p=1. */
export interface KdfOptions {
  kdf?: Partial<KdfCost>;
  /** The recovery slot's cost (default: `RECOVERY_KDF_COST`, never above the password's). */
  recoveryKdf?: Partial<KdfCost>;
}

/** Creating a vault: the cost, and whether to make its recovery key at once (the pages do). */
export interface CreateOptions extends KdfOptions {
  recoveryKey?: boolean;
}

/** Whether a vault exists and, if so, whether its data key is in the session store. */
export type VaultStatus = 'none' | 'locked' | 'unlocked';
