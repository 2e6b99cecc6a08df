import { aad, GCM_IV_BYTES, open, seal, type SealedBox } from '../crypto/aes-gcm';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { AccountData } from '../otp/types';
import { checkAccountData } from '../vault/account-data';
import type { Stamp } from './stamp';

/** Seals and opens synced account data; the engine takes it as a parameter. */
export interface AccountCipher {
  seal(id: string, stamp: Stamp, data: AccountData): Promise<SealedBox>;
  /** Rejects when the box does not authenticate under this id and stamp, or is not account data. */
  open(id: string, stamp: Stamp, box: SealedBox): Promise<AccountData>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Additional data of a synced account: the account id and its version (and the writing PC), so
 * an item cannot be moved to another account or replayed as another version.
 */
export const syncAad = (id: string, stamp: Stamp): string =>
  `pc-authenticator/sync/v1/${id}/${stamp.v}/${stamp.d}`;

/** AES-256-GCM under the vault's data key, a fresh IV per write. */
export function aesAccountCipher(crypto: Crypto, dek: CryptoKey): AccountCipher {
  return {
    seal: (id, stamp, data) =>
      seal(
        crypto,
        dek,
        encoder.encode(JSON.stringify(checkAccountData(data))),
        aad(syncAad(id, stamp)),
      ),
    async open(id, stamp, box) {
      const plain = await open(crypto, dek, box, aad(syncAad(id, stamp)));
      return checkAccountData(JSON.parse(decoder.decode(plain)));
    },
  };
}

/**
 * The key check value of a data key: AES-GCM of 16 zero bytes under a fixed all-zero IV and
 * its own additional data (the "encrypt zeros" KCV of payment keys). The same key always gives
 * the same value, another key a different one, and it reveals nothing about the key. Hex, 16 bytes.
 */
export async function keyCheckValue(crypto: Crypto, dek: CryptoKey): Promise<string> {
  const out = await crypto.subtle.encrypt(
    {
      name: 'AES-GCM',
      iv: new Uint8Array(GCM_IV_BYTES),
      additionalData: aad('pc-authenticator/sync/kcv/v1'),
    },
    dek,
    new Uint8Array(16),
  );
  return bytesToHex(new Uint8Array(out).slice(0, 16));
}

/** The short form users compare between PCs: `ABCD-1234` from the start of the KCV. */
export function shortFingerprint(kcv: string): string {
  const text = kcv.slice(0, 8).toUpperCase();
  return `${text.slice(0, 4)}-${text.slice(4)}`;
}
