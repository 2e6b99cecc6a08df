import { IMPORTERS } from '../../../lib/import/registry';
import type { Importer } from '../../../lib/import/types';

/**
 * Slices of the one importer registry, in its order, for tests written per group: Aegis, 2FAS
 * and andOTP must never claim one another's files; the others are checked on their own files.
 */
const isAegisAndOtp2Fas = (importer: Importer) =>
  ['aegis', '2fas', 'andotp'].includes(importer.format);

export const AEGIS_ANDOTP_2FAS_IMPORTERS: readonly Importer[] = IMPORTERS.filter(isAegisAndOtp2Fas);
export const OTHER_IMPORTERS: readonly Importer[] = IMPORTERS.filter((i) => !isAegisAndOtp2Fas(i));
