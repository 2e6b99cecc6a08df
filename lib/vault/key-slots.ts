import { parseSealedBox, type SealedBox } from '../crypto/aes-gcm';
import type { KdfParams } from '../crypto/kdf-params';
import { VaultError } from './errors';
import { RECOVERY_ALPHABET } from './recovery-key';

/**
 * The ways into the vault (Aegis' slot model): each slot holds the data key wrapped by a key
 * derived with its own Argon2id parameters from its own secret — the master password, or the
 * recovery key of the emergency kit.
 *
 * @see https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md#slots
 */

/** The master password's slot; every vault has exactly one. */
export interface PasswordSlot {
  kind: 'password';
  kdf: KdfParams;
  wrappedDek: SealedBox;
}

/** The recovery key's slot; at most one (a new key replaces it). */
export interface RecoverySlot {
  kind: 'recovery';
  kdf: KdfParams;
  wrappedDek: SealedBox;
  /** Random, shown on the kit and on the manage page: tells which printed kit is current. */
  fingerprint: string;
  createdAt: number;
  /** When the user said they wrote the key down or printed it (absent: never seen to the end). */
  confirmedAt?: number;
}

export type KeySlot = PasswordSlot | RecoverySlot;

/** `XXXX-XXXX` in the recovery key's alphabet. */
const FINGERPRINT = new RegExp(`^[${RECOVERY_ALPHABET}]{4}-[${RECOVERY_ALPHABET}]{4}$`);

/** A fresh random fingerprint; it says nothing about the key. */
export function newFingerprint(crypto: Pick<Crypto, 'getRandomValues'>): string {
  const chars = [...crypto.getRandomValues(new Uint8Array(8))].map(
    (b) => RECOVERY_ALPHABET[b & 31],
  );
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Checks a wrapped key read from disk and copies it (no extra fields survive). */
export function parseWrappedDek(value: unknown): SealedBox {
  try {
    parseSealedBox(value);
  } catch (cause) {
    throw new VaultError('corrupt-header', { cause });
  }
  const { iv, ciphertext } = value as SealedBox;
  return { iv, ciphertext };
}

/**
 * Checks one slot read from disk; `kdf` is the already-checked parameters. Throws
 * `VaultError('corrupt-header')` for an unknown kind or a malformed field.
 */
export function parseSlot(value: Record<string, unknown>, kdf: KdfParams): KeySlot {
  const wrappedDek = parseWrappedDek(value.wrappedDek);
  if (value.kind === 'password') return { kind: 'password', kdf, wrappedDek };
  if (value.kind !== 'recovery') throw new VaultError('corrupt-header');
  const { fingerprint, createdAt, confirmedAt } = value;
  if (typeof fingerprint !== 'string' || !FINGERPRINT.test(fingerprint) || !isTime(createdAt)) {
    throw new VaultError('corrupt-header');
  }
  if (confirmedAt !== undefined && !isTime(confirmedAt)) throw new VaultError('corrupt-header');
  return {
    kind: 'recovery',
    kdf,
    wrappedDek,
    fingerprint,
    createdAt,
    ...(confirmedAt === undefined ? {} : { confirmedAt }),
  };
}
