import type { SealedBox } from '../crypto/aes-gcm';
import { KdfParamsError, parseKdfParams, type KdfParams } from '../crypto/kdf-params';
import { VaultError } from './errors';
import {
  parseSlot,
  parseWrappedDek,
  type KeySlot,
  type PasswordSlot,
  type RecoverySlot,
} from './key-slots';

export type { KeySlot, PasswordSlot, RecoverySlot } from './key-slots';

/** Version of the header layout written by this code (1: one password, no slots). */
export const HEADER_VERSION = 2;

/**
 * The vault header, stored in plaintext under `meta['header']`: one slot per way in (the master
 * password, and the recovery key once made), each with its KDF parameters and the DEK wrapped
 * by the key derived from its secret.
 */
export interface VaultHeader {
  version: typeof HEADER_VERSION;
  slots: KeySlot[];
  createdAt: number;
}

/** What release 0.1 wrote: the password's parameters and wrapped DEK at the top level. */
interface HeaderV1 {
  version: 1;
  kdf: KdfParams;
  wrappedDek: SealedBox;
  createdAt: number;
}

/**
 * Checks the header's KDF parameters. Throws `VaultError('unsupported-kdf')` for an algorithm
 * other than Argon2id and `VaultError('corrupt-header')` for anything else that is wrong.
 */
export function parseHeaderKdf(value: unknown): KdfParams {
  try {
    return parseKdfParams(value);
  } catch (cause) {
    const unsupported = cause instanceof KdfParamsError && cause.reason === 'unsupported-algorithm';
    throw new VaultError(unsupported ? 'unsupported-kdf' : 'corrupt-header', { cause });
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** A version-1 header read as a version-2 one with a single password slot (nothing is written). */
function migrateV1(header: Partial<Record<keyof HeaderV1, unknown>>): KeySlot[] {
  const kdf = parseHeaderKdf(header.kdf);
  return [{ kind: 'password', kdf, wrappedDek: parseWrappedDek(header.wrappedDek) }];
}

/** Exactly one password slot and at most one recovery slot, each well-formed. */
function parseSlots(value: unknown): KeySlot[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 2) {
    throw new VaultError('corrupt-header');
  }
  const slots = value.map((slot: unknown) => {
    if (!isRecord(slot)) throw new VaultError('corrupt-header');
    return parseSlot(slot, parseHeaderKdf(slot.kdf));
  });
  const count = (kind: KeySlot['kind']) => slots.filter((slot) => slot.kind === kind).length;
  if (count('password') !== 1 || count('recovery') > 1) throw new VaultError('corrupt-header');
  return slots;
}

/**
 * Checks a header read from disk; a version-1 header (one password) reads as version 2. Throws
 * `VaultError('corrupt-header')` for a wrong shape or an unknown version and
 * `VaultError('unsupported-kdf')` for an unknown KDF.
 */
export function parseHeader(value: unknown): VaultHeader {
  if (!isRecord(value)) throw new VaultError('corrupt-header');
  const header = value as Partial<Record<keyof HeaderV1 | keyof VaultHeader, unknown>>;
  let slots: KeySlot[];
  if (header.version === 1) slots = migrateV1(header);
  else if (header.version === HEADER_VERSION) slots = parseSlots(header.slots);
  else throw new VaultError('corrupt-header');
  if (typeof header.createdAt !== 'number' || !Number.isFinite(header.createdAt)) {
    throw new VaultError('corrupt-header');
  }
  return { version: HEADER_VERSION, slots, createdAt: header.createdAt };
}

/** The master password's slot (a parsed header always has one). */
export function passwordSlot(header: VaultHeader): PasswordSlot {
  const slot = header.slots.find((s): s is PasswordSlot => s.kind === 'password');
  if (!slot) throw new VaultError('corrupt-header');
  return slot;
}

/** The recovery key's slot, if one was made. */
export function recoverySlot(header: VaultHeader): RecoverySlot | undefined {
  return header.slots.find((s): s is RecoverySlot => s.kind === 'recovery');
}

/** The header with `slot` in place of the slot of its kind (or added), password first. */
export function withSlot(header: VaultHeader, slot: KeySlot): VaultHeader {
  const others = header.slots.filter((s) => s.kind !== slot.kind);
  return { ...header, slots: slot.kind === 'password' ? [slot, ...others] : [...others, slot] };
}
