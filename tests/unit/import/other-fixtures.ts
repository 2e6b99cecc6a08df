import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountTitle } from '../../../lib/account-title';
import { BackupError, type ImportInput, type SkippedEntry } from '../../../lib/import/types';
import { OTP_DEFAULTS, type AccountData, type OtpAlgorithm } from '../../../lib/otp/types';
import { evpBytesToKey } from '../../../lib/crypto/openssl-aes';

/**
 * Fixture access for the otpauth-text, Bitwarden and Authenticator-extension importer tests:
 * `../shared/fixtures/{aegis,google,authenticator-ext}` beside the checkout, read in place
 * (GPL-3.0 / MIT / Apache-2.0 sources, never copied here; see ../shared/fixtures/README.md).
 */

const ROOT = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));
export const AEGIS_DIR = join(ROOT, 'aegis');
export const GOOGLE_DIR = join(ROOT, 'google');
export const EXT_DIR = join(ROOT, 'authenticator-ext');
export const EXT_SYNTHETIC_DIR = join(EXT_DIR, 'third_party_synthetic');

export const present = (dir: string): boolean => existsSync(join(dir, 'MANIFEST.md'));
export const ABSENT = 'skipped: ../shared/fixtures is absent (see ../shared/fixtures/README.md)';

/** The password of every encrypted authenticator-ext fixture (its MANIFEST.md). */
export const EXT_PASSWORD = 'fixture-password';

export function fileInput(dir: string, file: string): ImportInput {
  return { name: file, bytes: new Uint8Array(readFileSync(join(dir, file))) };
}

export function textInput(text: string, name = 'input.txt'): ImportInput {
  return { name, bytes: new TextEncoder().encode(text) };
}

export function jsonInput(value: unknown, name = 'input.json'): ImportInput {
  return textInput(JSON.stringify(value, null, 2), name);
}

/** The first `fraction` of a file's bytes (at least one byte removed). */
export function truncated(input: ImportInput, fraction: number): ImportInput {
  const cut = Math.min(Math.floor(input.bytes.length * fraction), input.bytes.length - 1);
  return { name: input.name, bytes: input.bytes.slice(0, cut) };
}

/** An account with this app's defaults for what is not given (sites empty). */
export function account(fields: Partial<AccountData> & Pick<AccountData, 'secret'>): AccountData {
  return {
    type: OTP_DEFAULTS.type,
    issuer: '',
    name: '',
    algorithm: OTP_DEFAULTS.algorithm,
    digits: OTP_DEFAULTS.digits,
    period: OTP_DEFAULTS.period,
    counter: OTP_DEFAULTS.counter,
    sites: [],
    ...fields,
  };
}

interface RawExpected {
  type: string;
  issuer: string | null;
  name: string | null;
  secret: string;
  algorithm: string | null;
  digits: number | null;
  period: number | null;
  counter: number | null;
}

/** `aegis/expected_entries.json` for one file, as accounts (TOTP/HOTP) and Steam entries. */
export function aegisExpected(file: string): { accounts: AccountData[]; steam: RawExpected[] } {
  const all = JSON.parse(readFileSync(join(AEGIS_DIR, 'expected_entries.json'), 'utf8')) as Record<
    string,
    RawExpected[]
  >;
  const entries = all[file];
  if (!entries) throw new Error(`${file} is not in expected_entries.json`);
  return {
    accounts: entries
      .filter((e) => e.type === 'totp' || e.type === 'hotp')
      .map((e) =>
        account({
          type: e.type as AccountData['type'],
          issuer: e.issuer ?? '',
          name: e.name ?? '',
          secret: e.secret,
          algorithm: (e.algorithm ?? 'SHA1') as OtpAlgorithm,
          digits: e.digits ?? 6,
          period: e.type === 'totp' ? (e.period ?? 30) : 30,
          counter: e.type === 'hotp' ? (e.counter ?? 0) : 0,
        }),
      ),
    steam: entries.filter((e) => e.type === 'steam'),
  };
}

export const SKIP = {
  type: 'import_skipped_unsupported_type',
  algorithm: 'import_skipped_unsupported_algorithm',
  digits: 'import_skipped_unsupported_digits',
  invalid: 'import_skipped_invalid_account',
} as const;

export function skippedSteam(issuer: string, name: string): SkippedEntry {
  return { title: accountTitle({ issuer, name }), reason: SKIP.type };
}

/** Runs `fn` and returns the BackupError it rejects with (fails if it resolves or throws else). */
export async function backupError(fn: () => Promise<unknown>): Promise<BackupError> {
  let result: unknown;
  try {
    result = await fn();
  } catch (err) {
    if (err instanceof BackupError) return err;
    throw err;
  }
  throw new Error(`expected a BackupError, got a result with ${describe(result)}`);
}

function describe(result: unknown): string {
  if (typeof result === 'object' && result !== null && 'accounts' in result) {
    const r = result as { accounts: unknown[]; skipped: unknown[] };
    return `${r.accounts.length} accounts and ${r.skipped.length} skipped`;
  }
  return typeof result;
}

/**
 * `CryptoJS.AES.encrypt(text, passphrase).toString()` with a chosen salt, to build test files:
 * base64 of "Salted__" ‖ salt ‖ AES-256-CBC (EVP_BytesToKey-MD5 key and IV).
 */
export async function openSslEncrypt(
  plaintext: string | Uint8Array,
  passphrase: string,
  salt: Uint8Array = crypto.getRandomValues(new Uint8Array(8)),
): Promise<string> {
  const { key, iv } = evpBytesToKey(new TextEncoder().encode(passphrase), salt);
  const cbcKey = await crypto.subtle.importKey('raw', key, 'AES-CBC', false, ['encrypt']);
  const data = typeof plaintext === 'string' ? new TextEncoder().encode(plaintext) : plaintext;
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, cbcKey, new Uint8Array(data)),
  );
  const out = new Uint8Array(16 + ct.length);
  out.set(new TextEncoder().encode('Salted__'), 0);
  out.set(salt, 8);
  out.set(ct, 16);
  let binary = '';
  for (const b of out) binary += String.fromCharCode(b);
  return btoa(binary);
}
