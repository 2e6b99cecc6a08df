import type { SealedBox } from '../crypto/aes-gcm';

/**
 * The shapes stored on disk. Only what is listed here is ever written to IndexedDB; everything
 * that says something about an account lives inside an AES-256-GCM ciphertext.
 *
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf (GCM)
 */

export type { SealedBox };

/**
 * One account in the `accounts` table. `iv`/`ciphertext` hold the JSON of the whole
 * `AccountData` (additional data: the record id); `label` holds `{ issuer, name }` again,
 * sealed on its own (additional data: `${id}:label`), so a damaged record can still be named.
 */
export interface AccountRecord extends SealedBox {
  id: string;
  order: number;
  updatedAt: number;
  label?: SealedBox;
}

/** Keys of the `meta` table. */
type MetaKey = 'header' | 'lockout';

/**
 * One row of the `meta` table. `value` is `unknown` on purpose: whatever is read back from disk
 * is parsed and checked before it is trusted.
 */
export interface MetaRow {
  key: MetaKey;
  value: unknown;
}
