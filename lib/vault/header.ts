import { parseSealedBox, type SealedBox } from '../crypto/aes-gcm';
import { KdfParamsError, parseKdfParams, type KdfParams } from '../crypto/kdf-params';
import { VaultError } from './errors';

/** Version of the header layout written by this code. */
export const HEADER_VERSION = 1;

/**
 * The vault header, stored in plaintext under `meta['header']`: how to derive the KEK from the
 * master password, and the DEK wrapped by that KEK.
 */
export interface VaultHeader {
  version: typeof HEADER_VERSION;
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

/**
 * Checks a header read from disk. Throws `VaultError('corrupt-header')` for a wrong shape or an
 * unknown version and `VaultError('unsupported-kdf')` for an unknown KDF.
 */
export function parseHeader(value: unknown): VaultHeader {
  if (typeof value !== 'object' || value === null) throw new VaultError('corrupt-header');
  const header = value as Partial<Record<keyof VaultHeader, unknown>>;
  if (header.version !== HEADER_VERSION) throw new VaultError('corrupt-header');
  const kdf = parseHeaderKdf(header.kdf);
  try {
    parseSealedBox(header.wrappedDek);
  } catch (cause) {
    throw new VaultError('corrupt-header', { cause });
  }
  if (typeof header.createdAt !== 'number' || !Number.isFinite(header.createdAt)) {
    throw new VaultError('corrupt-header');
  }
  const { iv, ciphertext } = header.wrappedDek as SealedBox;
  return {
    version: HEADER_VERSION,
    kdf,
    wrappedDek: { iv, ciphertext },
    createdAt: header.createdAt,
  };
}
