import { readImportFile } from '../import/registry';
import { QR_IMAGE_FORMAT, readPastedText, readQrTexts } from '../import/qr-text';
import { previewItems } from '../import/classify';
import type { ImportSource, ImportedEntries, Importer } from '../import/types';
import type { Vault } from '../vault/vault';
import { decodeBase64Strict } from '../crypto/base64';
import { InputError } from './errors';
import { classifyAgainst, commitImport } from './import-commit';
import type { PendingImport } from './pending-import';
import { imageFromDataUrl, qrReader } from './qr-reader';
import type { PageHandlers } from './routes';

/** Largest file the worker reads (as the page allows): 20 MB, 4/3 of it in base64. */
const MAX_FILE_MB = 20;
const MAX_FILE_BASE64_CHARS = Math.ceil((MAX_FILE_MB * 1024 * 1024) / 3) * 4;

interface ImportDeps {
  /** Where a source waits for the user's confirmation (see {@link PendingImport}). */
  pending: PendingImport;
  /** Defaults to the registry's `IMPORTERS`; tests pass cheaper ones. */
  importers?: readonly Importer[];
}

/** The accounts of the QR codes in an image; an image without one says so. */
async function readQrImage(dataUrl: string): Promise<ImportedEntries> {
  const found = await qrReader().read(await imageFromDataUrl(dataUrl));
  if (found.length === 0)
    return { format: QR_IMAGE_FORMAT, accounts: [], skipped: [], notes: [{ kind: 'no-qr' }] };
  return readQrTexts(found.map((qr) => qr.text));
}

async function readSource(
  source: ImportSource,
  password: string | undefined,
  importers: readonly Importer[] | undefined,
): Promise<ImportedEntries> {
  switch (source?.kind) {
    case 'text':
      if (typeof source.text !== 'string') break;
      return readPastedText(source.text);
    case 'image':
      return readQrImage(source.dataUrl);
    case 'file': {
      // The page refuses larger files too, but the worker is the boundary: no decoding first.
      if (typeof source.base64 !== 'string' || source.base64.length > MAX_FILE_BASE64_CHARS) {
        throw new InputError('manage_file_too_large', [`${MAX_FILE_MB}`]);
      }
      let bytes: Uint8Array;
      try {
        bytes = decodeBase64Strict(source.base64, 'file');
      } catch {
        throw new InputError('manage_file_unreadable');
      }
      return readImportFile({ name: `${source.name}`, bytes }, password || undefined, importers);
    }
  }
  throw new InputError('error_unexpected');
}

/**
 * The manage page's imports, whatever the source: read it into a preview (nothing stored), then
 * one commit adds it atomically — or a cancel forgets it.
 */
export function importHandlers(vault: Vault, deps: ImportDeps) {
  const { pending, importers } = deps;
  return {
    'import.preview': async ({ source, password }) => {
      const entries = await readSource(source, password, importers);
      const classified = await classifyAgainst(vault, entries);
      const token = await pending.put(entries);
      return {
        token,
        format: entries.format,
        items: previewItems(classified),
        skipped: entries.skipped,
        notes: entries.notes ?? [],
      };
    },
    'import.commit': async ({ token }) => {
      const entries = await pending.get(token);
      if (!entries) throw new InputError('error_import_expired');
      const { added, outcomes } = await commitImport(vault, entries);
      await pending.discard();
      return { added: added.length, outcomes };
    },
    'import.cancel': async () => {
      await pending.discard();
      return null;
    },
  } satisfies PageHandlers;
}
