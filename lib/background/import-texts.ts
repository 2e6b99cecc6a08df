import { MIGRATION_SKIP_REASONS } from '../backup/importer-skip-reasons';
import type { ImportOutcome } from '../messaging';
import { parseOtpauthUri } from '../otp';
import { IMPORT_LIMITS, DEFAULT_LIMITS } from '../otp/fields';
import { parseMigrationUri } from '../otp/migration';
import { classifyQrText } from '../qr/classify-qr-text';
import type { Vault } from '../vault';
import { recordBatch } from './batch-progress';
import { storeAccount } from './store-account';
import { toAppError } from './to-app-error';

/**
 * Adds the accounts behind decoded QR texts or pasted lines. Every text gets an outcome; one bad
 * text never stops the others, and nothing is stored for a text that fails to parse.
 */
export async function importTexts(vault: Vault, texts: string[]): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const text of texts) {
    try {
      outcomes.push(...(await importText(vault, text)));
    } catch (error) {
      outcomes.push({ kind: 'invalid', error: toAppError(error) });
    }
  }
  return outcomes;
}

async function importText(vault: Vault, text: string): Promise<ImportOutcome[]> {
  const kind = classifyQrText(text);
  if (kind === 'other') return [{ kind: 'not-otp' }];
  if (kind === 'otpauth') {
    const data = parseOtpauthUri(text, IMPORT_LIMITS);
    const stored = await storeAccount(vault, data);
    const [min, max] = DEFAULT_LIMITS.digits;
    return stored.kind === 'added' && (data.digits < min || data.digits > max)
      ? [
          {
            kind: 'added',
            title: stored.title,
            warning: { key: 'warning_digits_unusual', subs: [`${data.digits}`] },
          },
        ]
      : [{ kind: stored.kind, title: stored.title }];
  }
  const batch = parseMigrationUri(text);
  const outcomes: ImportOutcome[] = [];
  for (const data of batch.accounts) {
    const stored = await storeAccount(vault, data);
    outcomes.push({ kind: stored.kind, title: stored.title });
  }
  for (const skipped of batch.skipped) {
    const key = skipped.error ?? MIGRATION_SKIP_REASONS[skipped.reason];
    outcomes.push({ kind: 'skipped', title: skipped.title, error: { key } });
  }
  if (batch.batchSize > 1) {
    outcomes.push({
      kind: 'batch',
      index: batch.batchIndex + 1,
      size: batch.batchSize,
      missing: await recordBatch(batch),
    });
  }
  return outcomes;
}

/**
 * Splits pasted text into URIs. Each URI starts a new item and lines that don't start one
 * continue the previous (a long URI wrapped by a mail program); text with no URI is one item,
 * so its error message is about the whole text.
 */
export function splitPastedText(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
    if (!line) continue;
    if (/^otpauth(-migration)?:/i.test(line) || items.length === 0) items.push(line);
    else items[items.length - 1] += line;
  }
  return items.length > 0 ? items : [''];
}
