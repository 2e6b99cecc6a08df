import {
  EntryList,
  SKIP_REASONS,
  entryTitle,
  isObject,
  numberField,
  parseJsonBytes,
  requirePassword,
  textField,
  type JsonObject,
} from './importer-kit';
import { decryptTwoFasServices, parseTwoFasSealed, type TwoFasSealed } from './twofas-crypto';
import { BackupError, type ImportInput, type ImportedEntries, type Importer } from './types';

/**
 * 2FAS Authenticator backups (`*.2fas`, older ones `*.json`), `schemaVersion` 1–4, plain or
 * encrypted (see `twofas-crypto.ts`). Schemas 1 and 2 have no token type: every service is TOTP
 * (schema 1 has no parameters either: SHA1, 6 digits, 30 s), as the app itself had only TOTP
 * then. From schema 3, `otp.tokenType` is `TOTP`, `HOTP` or `STEAM` (listed as skipped).
 * The issuer is the service `name` the app shows (falling back to `otp.issuer`); the account
 * name is `otp.account` (falling back to `otp.label` without its `Issuer:` prefix).
 */

const FORMAT = '2fas';

/** Newest `schemaVersion` read. */
const TWOFAS_SCHEMA_VERSION = 4;

/** A 2FAS file after the parsing layer (before any key derivation). */
type TwoFasFile =
  | { kind: 'plain'; schemaVersion: number; services: unknown[] }
  | {
      kind: 'encrypted';
      schemaVersion: number;
      services: TwoFasSealed;
      reference: TwoFasSealed | undefined;
    };

const corrupt = () => new BackupError('corrupt', FORMAT);

function isTwoFasShape(value: unknown): value is JsonObject & { schemaVersion: number } {
  return (
    isObject(value) &&
    typeof value.schemaVersion === 'number' &&
    (Array.isArray(value.services) || typeof value.servicesEncrypted === 'string')
  );
}

/**
 * Checks a 2FAS file and returns its services, or its decoded sealed services and reference.
 * Throws `corrupt` or `unsupported-version` (a newer schema).
 */
export function parseTwoFasFile(bytes: Uint8Array): TwoFasFile {
  const json = parseJsonBytes(bytes);
  if (!json || !isTwoFasShape(json.value)) throw corrupt();
  const file = json.value;
  const { schemaVersion } = file;
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) throw corrupt();
  if (schemaVersion > TWOFAS_SCHEMA_VERSION) throw new BackupError('unsupported-version', FORMAT);
  // Only encrypted backups have these two (an empty `servicesEncrypted` alone is taken as
  // absent); a damaged encrypted file must not read as an empty plain one.
  const hasReference = file.reference !== undefined && file.reference !== null;
  const encrypted =
    file.servicesEncrypted !== undefined &&
    file.servicesEncrypted !== null &&
    (file.servicesEncrypted !== '' || hasReference);
  if (encrypted) {
    const reference = hasReference ? parseTwoFasSealed(file.reference) : undefined;
    return {
      kind: 'encrypted',
      schemaVersion,
      services: parseTwoFasSealed(file.servicesEncrypted),
      reference,
    };
  }
  if (hasReference || !Array.isArray(file.services)) throw corrupt();
  return { kind: 'plain', schemaVersion, services: file.services };
}

const trimmed = (value: string | undefined) => (value?.trim() ? value : undefined);

/** Issuer and account name of a service (see the module comment). */
export function twoFasLabel(service: JsonObject): { issuer?: string; name?: string } {
  const otp = isObject(service.otp) ? service.otp : {};
  const issuer = trimmed(textField(service.name)) ?? textField(otp.issuer);
  const account = trimmed(textField(otp.account));
  if (account !== undefined) return { issuer, name: account };
  const label = textField(otp.label);
  if (label === undefined) return { issuer };
  const prefixes = [textField(otp.issuer), issuer].filter((p) => p?.trim());
  const prefix = prefixes.find((p) => label.startsWith(`${p}:`));
  return { issuer, name: prefix === undefined ? label : label.slice(prefix.length + 1) };
}

/** The entries of a (decrypted) 2FAS `services` array. */
export function readTwoFasServices(services: unknown): ImportedEntries {
  if (!Array.isArray(services)) throw corrupt();
  const list = new EntryList();
  services.forEach((service: unknown, index) => {
    const raw = isObject(service) ? service : {};
    const otp = isObject(raw.otp) ? raw.otp : {};
    let label: { issuer?: string; name?: string } = {};
    try {
      label = twoFasLabel(raw);
    } catch {
      // A label of the wrong kind: the entry is listed as invalid below.
    }
    const title = entryTitle(label.issuer ?? raw.name, label.name ?? otp.account, index);
    const tokenType = otp.tokenType;
    const type =
      tokenType === undefined || tokenType === null
        ? 'totp'
        : typeof tokenType === 'string'
          ? tokenType.toLowerCase()
          : undefined;
    if (!isObject(service) || (raw.otp !== undefined && !isObject(raw.otp))) {
      list.skip(title, SKIP_REASONS.invalid);
    } else if (type === 'totp' || type === 'hotp') {
      list.add(title, () => ({
        type,
        ...twoFasLabel(raw),
        secret: textField(raw.secret),
        algorithm: textField(otp.algorithm),
        digits: numberField(otp.digits),
        period: type === 'totp' ? numberField(otp.period) : undefined,
        counter: type === 'hotp' ? numberField(otp.counter) : undefined,
      }));
    } else if (type !== undefined) {
      // STEAM, or a token type added after this was written.
      list.skip(title, SKIP_REASONS.type);
    } else {
      list.skip(title, SKIP_REASONS.invalid);
    }
  });
  return list.result(FORMAT);
}

export const twoFasImporter: Importer = {
  format: FORMAT,
  password: 'if-encrypted',
  detect(input: ImportInput): boolean {
    const json = parseJsonBytes(input.bytes);
    return json !== undefined && isTwoFasShape(json.value);
  },
  async read(input: ImportInput, password?: string): Promise<ImportedEntries> {
    const file = parseTwoFasFile(input.bytes);
    if (file.kind === 'plain') return readTwoFasServices(file.services);
    const plain = await decryptTwoFasServices(
      file.services,
      file.reference,
      requirePassword(password, FORMAT),
    );
    const json = parseJsonBytes(plain);
    if (!json) throw corrupt();
    return readTwoFasServices(json.value);
  },
};
