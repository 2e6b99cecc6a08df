import { aegisImporter } from './aegis';
import { andOtpImporter } from './andotp';
import { twoFasImporter } from './twofas';
import type { Importer } from './types';

export { aegisImporter } from './aegis';
export { andOtpImporter } from './andotp';
export { twoFasImporter } from './twofas';

/**
 * The importers of Aegis, andOTP and 2FAS backups. Their `detect` never claims another's file:
 * Aegis is a JSON object with `header.slots` and `db`, 2FAS one with `schemaVersion` and
 * `services`/`servicesEncrypted`, andOTP a JSON array of entries or binary ciphertext.
 */
export const AEGIS_ANDOTP_2FAS_IMPORTERS: readonly Importer[] = Object.freeze([
  aegisImporter,
  twoFasImporter,
  andOtpImporter,
]);
