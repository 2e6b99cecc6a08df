import { aad, open, seal } from '../crypto/aes-gcm';
import type { AccountRecord } from '../db/records';
import type { Account, AccountData } from '../otp/types';
import { checkAccountData } from './account-data';

/** The issuer and name of an account, sealed a second time so a damaged record can be named. */
export interface AccountLabel {
  issuer: string;
  name: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Additional data of the main ciphertext: the record id. */
function recordAad(id: string): Uint8Array<ArrayBuffer> {
  return aad(id);
}

/** Additional data of the label ciphertext: `${id}:label`. */
function labelAad(id: string): Uint8Array<ArrayBuffer> {
  return aad(`${id}:label`);
}

/**
 * Encrypts one account into a record: the JSON of the whole {@link AccountData} under the DEK
 * (fresh IV, the id as additional data), plus the sealed label.
 *
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf
 */
export async function sealAccount(
  crypto: Crypto,
  dek: CryptoKey,
  id: string,
  order: number,
  data: AccountData,
  updatedAt: number,
): Promise<AccountRecord> {
  const checked = checkAccountData(data);
  const label: AccountLabel = { issuer: checked.issuer, name: checked.name };
  const main = await seal(crypto, dek, encoder.encode(JSON.stringify(checked)), recordAad(id));
  const sealedLabel = await seal(crypto, dek, encoder.encode(JSON.stringify(label)), labelAad(id));
  return { id, order, iv: main.iv, ciphertext: main.ciphertext, updatedAt, label: sealedLabel };
}

/**
 * Decrypts and checks one record. Rejects when the ciphertext does not authenticate (tampered,
 * damaged, moved to another id) or its content is not valid account data.
 */
export async function openAccount(
  crypto: Crypto,
  dek: CryptoKey,
  record: AccountRecord,
): Promise<Account> {
  const plaintext = await open(crypto, dek, record, recordAad(record.id));
  const data = checkAccountData(JSON.parse(decoder.decode(plaintext)));
  return { ...data, id: record.id, order: record.order, updatedAt: record.updatedAt };
}

/** Decrypts the label of a record, or `undefined` if it is missing or does not open. */
export async function openLabel(
  crypto: Crypto,
  dek: CryptoKey,
  record: AccountRecord,
): Promise<AccountLabel | undefined> {
  if (record.label === undefined) return undefined;
  try {
    const plaintext = await open(crypto, dek, record.label, labelAad(record.id));
    const label: unknown = JSON.parse(decoder.decode(plaintext));
    if (typeof label !== 'object' || label === null) return undefined;
    const { issuer, name } = label as Partial<Record<keyof AccountLabel, unknown>>;
    if (typeof issuer !== 'string' || typeof name !== 'string') return undefined;
    return { issuer, name };
  } catch {
    return undefined;
  }
}
