import {
  EntryList,
  SKIP_REASONS,
  entryTitle,
  isObject,
  looksLikeText,
  numberField,
  parseJsonBytes,
  requirePassword,
  textField,
} from './importer-kit';
import { GCM_TAG_BYTES, tryOpenRaw } from '../crypto/aes-gcm';
import { pbkdf2, sha256Password } from '../crypto/pbkdf2';
import { BackupError, type ImportInput, type ImportedEntries, type Importer } from './types';

/**
 * andOTP backups: a plain JSON array (`otp_accounts_*.json`) or an encrypted one
 * (`otp_accounts_*.json.aes`). andOTP gives no sign of which encrypted layout a file has, so
 * both are tried: first the current one, `iterations (uint32 BE) ‖ salt (12) ‖ nonce (12) ‖
 * AES-256-GCM ciphertext ‖ tag (16)` with PBKDF2-HMAC-SHA1(password, salt, iterations, 256 bits),
 * when its iteration count is plausible; then the old one, `nonce (12) ‖ ciphertext ‖ tag`
 * keyed by SHA-256(password). Types `TOTP` and `HOTP` are imported, `STEAM` is listed as
 * skipped.
 * @see https://github.com/andOTP/andOTP/wiki/Backups
 */

const FORMAT = 'andotp';

const INT_BYTES = 4;
const SALT_BYTES = 12;
const NONCE_BYTES = 12;

/**
 * Iteration counts accepted for the current layout. andOTP picks 140,000–160,000 at random
 * (`PBKDF2_MIN/MAX_BACKUP_ITERATIONS`); the cap leaves room and keeps a file that is not
 * andOTP's from costing more than a fraction of a second of key derivation.
 */
const ANDOTP_ITERATIONS = Object.freeze({ min: 1, max: 1_000_000 });

/**
 * Iteration counts that make {@link andOtpImporter}`.detect` claim a binary file not named
 * `*.aes`: narrower, so that other binary files starting with a zero byte (ICO, MP4, UTF-16
 * text…) are not taken for andOTP backups.
 */
const ANDOTP_DETECT_ITERATIONS = Object.freeze({ min: 100_000, max: 1_000_000 });

/** The current encrypted layout, when the file's first four bytes allow it. */
interface AndOtpNewLayout {
  iterations: number;
  salt: Uint8Array;
  nonce: Uint8Array;
  /** Ciphertext ‖ tag. */
  sealed: Uint8Array;
}

/** An andOTP file after the parsing layer (before any key derivation). */
type AndOtpFile =
  | { kind: 'plain'; entries: unknown[] }
  | {
      kind: 'encrypted';
      newLayout: AndOtpNewLayout | undefined;
      old: { nonce: Uint8Array; sealed: Uint8Array };
    };

const corrupt = () => new BackupError('corrupt', FORMAT);

function newLayout(bytes: Uint8Array): AndOtpNewLayout | undefined {
  const header = INT_BYTES + SALT_BYTES + NONCE_BYTES;
  if (bytes.length < header + GCM_TAG_BYTES) return undefined;
  const iterations = new DataView(bytes.buffer, bytes.byteOffset, INT_BYTES).getUint32(0);
  if (iterations < ANDOTP_ITERATIONS.min || iterations > ANDOTP_ITERATIONS.max) return undefined;
  return {
    iterations,
    salt: bytes.subarray(INT_BYTES, INT_BYTES + SALT_BYTES),
    nonce: bytes.subarray(INT_BYTES + SALT_BYTES, header),
    sealed: bytes.subarray(header),
  };
}

/**
 * Splits an andOTP file into its plain entries or its encrypted layouts. Throws `corrupt` for
 * text that is not a JSON array, or binary data too short to be encrypted entries.
 */
export function parseAndOtpFile(bytes: Uint8Array): AndOtpFile {
  const json = parseJsonBytes(bytes);
  if (json) {
    if (!Array.isArray(json.value)) throw corrupt();
    return { kind: 'plain', entries: json.value };
  }
  if (looksLikeText(bytes) || bytes.length < NONCE_BYTES + GCM_TAG_BYTES) throw corrupt();
  return {
    kind: 'encrypted',
    newLayout: newLayout(bytes),
    old: { nonce: bytes.subarray(0, NONCE_BYTES), sealed: bytes.subarray(NONCE_BYTES) },
  };
}

/**
 * Decrypts an encrypted andOTP file: the current layout, then the old one. Throws
 * `wrong-password` when neither authenticates.
 */
async function decryptAndOtp(
  file: Extract<AndOtpFile, { kind: 'encrypted' }>,
  password: string,
  crypto: Crypto = globalThis.crypto,
): Promise<Uint8Array> {
  if (file.newLayout) {
    const { iterations, salt, nonce, sealed } = file.newLayout;
    const key = await pbkdf2(crypto, password, salt, iterations, 'SHA-1', 32);
    const plain = await tryOpenRaw(crypto, key, nonce, sealed);
    if (plain) return plain;
  }
  const oldKey = await sha256Password(crypto, password);
  const plain = await tryOpenRaw(crypto, oldKey, file.old.nonce, file.old.sealed);
  if (plain) return plain;
  throw new BackupError('wrong-password', FORMAT);
}

/**
 * Issuer and name of an entry. Current backups have both fields; old ones only `label`,
 * written `Issuer - Issuer:name` (the issuer, then the `otpauth://` label), which is split on
 * its first ` - ` with a repeated `Issuer:` dropped; a bare `Issuer:name` splits on its colon.
 */
export function andOtpLabel(issuer: unknown, label: unknown): { issuer?: string; name?: string } {
  const name = textField(label);
  if (issuer !== undefined && issuer !== null) return { issuer: textField(issuer), name };
  if (name === undefined) return {};
  const dash = name.indexOf(' - ');
  if (dash >= 0) {
    const head = name.slice(0, dash);
    const rest = name.slice(dash + 3);
    return { issuer: head, name: rest.startsWith(`${head}:`) ? rest.slice(head.length + 1) : rest };
  }
  const colon = name.indexOf(':');
  return colon < 0 ? { name } : { issuer: name.slice(0, colon), name: name.slice(colon + 1) };
}

/** The entries of a (decrypted) andOTP JSON array. */
function readAndOtpEntries(entries: unknown): ImportedEntries {
  if (!Array.isArray(entries)) throw corrupt();
  const list = new EntryList();
  entries.forEach((entry: unknown, index) => {
    const raw = isObject(entry) ? entry : {};
    let label: { issuer?: string; name?: string } = {};
    try {
      label = andOtpLabel(raw.issuer, raw.label);
    } catch {
      // A label of the wrong kind: the entry is listed as invalid below.
    }
    const title = entryTitle(label.issuer ?? raw.issuer, label.name ?? raw.label, index);
    const type = typeof raw.type === 'string' ? raw.type.toLowerCase() : undefined;
    if (type === 'totp' || type === 'hotp') {
      list.add(title, () => ({
        type,
        ...andOtpLabel(raw.issuer, raw.label),
        secret: textField(raw.secret),
        algorithm: textField(raw.algorithm),
        digits: numberField(raw.digits),
        period: type === 'totp' ? numberField(raw.period) : undefined,
        counter: type === 'hotp' ? numberField(raw.counter) : undefined,
      }));
    } else if (type !== undefined && 'secret' in raw) {
      // STEAM, or a type added after this was written.
      list.skip(title, SKIP_REASONS.type);
    } else {
      list.skip(title, SKIP_REASONS.invalid);
    }
  });
  return list.result(FORMAT);
}

/** A plain andOTP array: its first element has `secret`, `type` and `label`. */
function isPlainAndOtp(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  const first: unknown = value[0];
  return (
    isObject(first) &&
    typeof first.secret === 'string' &&
    typeof first.type === 'string' &&
    'label' in first &&
    !('otp' in first)
  );
}

export const andOtpImporter: Importer = {
  format: FORMAT,
  password: 'if-encrypted',
  /**
   * A plain backup by its JSON shape. An encrypted one is binary: recognised by andOTP's
   * `.aes` file name, or by a plausible iteration count in front (the current layout); an old
   * layout file under another name is not recognised (its bytes are all random).
   */
  detect(input: ImportInput): boolean {
    const json = parseJsonBytes(input.bytes);
    if (json) return isPlainAndOtp(json.value);
    if (looksLikeText(input.bytes) || input.bytes.length < NONCE_BYTES + GCM_TAG_BYTES) {
      return false;
    }
    if (/\.aes$/i.test(input.name)) return true;
    const iterations = newLayout(input.bytes)?.iterations ?? 0;
    return iterations >= ANDOTP_DETECT_ITERATIONS.min && iterations <= ANDOTP_DETECT_ITERATIONS.max;
  },
  async read(input: ImportInput, password?: string): Promise<ImportedEntries> {
    const file = parseAndOtpFile(input.bytes);
    if (file.kind === 'plain') return readAndOtpEntries(file.entries);
    const plain = await decryptAndOtp(file, requirePassword(password, FORMAT));
    const json = parseJsonBytes(plain);
    if (!json) throw corrupt();
    return readAndOtpEntries(json.value);
  },
};
