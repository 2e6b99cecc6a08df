import type { AppError } from '../app-error';
import { isOtpError, otpErrorKey } from '../otp/errors';
import { IMPORT_LIMITS } from '../otp/fields';
import { parseMigrationUri } from '../otp/migration/parse';
import type { AccountData } from '../otp/types';
import { parseOtpauthUri } from '../otp/uri';
import { classifyQrText } from '../qr/classify-qr-text';
import { migrationSkipped } from './importer-skip-reasons';
import { splitUriText } from './otpauth-text';
import type { ImportNote, ImportedEntries, SkippedEntry } from './types';

/** What read decoded QR codes (an image, a screen scan) and what read pasted text. */
export const QR_IMAGE_FORMAT = 'qr-image';
const PASTED_TEXT_FORMAT = 'otpauth-text';

const problem = (error: unknown): AppError =>
  isOtpError(error) ? { key: otpErrorKey(error) } : { key: 'error_unexpected' };

/**
 * Reads the texts of decoded QR codes — or the items of pasted text, which are the same URIs —
 * into entries. Unlike a URI list file, a text that is not an account says precisely why, as a
 * scanner would: not an OTP code at all, or the URI's exact problem. Google export QR codes give
 * their accounts, their skipped accounts and a `batch` note for the multi-QR progress. Pure.
 */
export function readQrTexts(texts: readonly string[], format = QR_IMAGE_FORMAT): ImportedEntries {
  const accounts: AccountData[] = [];
  const skipped: SkippedEntry[] = [];
  const notes: ImportNote[] = [];
  for (const text of texts) {
    const kind = classifyQrText(text);
    if (kind === 'other') {
      notes.push({ kind: 'not-otp' });
      continue;
    }
    try {
      if (kind === 'otpauth') {
        accounts.push(parseOtpauthUri(text, IMPORT_LIMITS));
        continue;
      }
      const batch = parseMigrationUri(text);
      accounts.push(...batch.accounts);
      skipped.push(...batch.skipped.map(migrationSkipped));
      if (batch.batchSize > 1) {
        const { batchId, batchIndex: index, batchSize: size } = batch;
        notes.push({ kind: 'batch', batchId, index, size });
      }
    } catch (error) {
      notes.push({ kind: 'invalid', error: problem(error) });
    }
  }
  return { format, accounts, skipped, notes };
}

/** Pasted text: its URIs (a URI wrapped over lines joined again), read as QR texts are. */
export function readPastedText(text: string): ImportedEntries {
  const items = splitUriText(text, true).map((item) => item.text);
  return readQrTexts(items, PASTED_TEXT_FORMAT);
}
