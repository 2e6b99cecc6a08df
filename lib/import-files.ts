import type { Result } from './app-error';
import { readFileBase64 } from './download';
import type { ImportSource } from './import/types';

/** What the file chooser offers: images for QR decoding, and backup and export files. */
export const IMPORT_ACCEPT =
  'image/png,image/jpeg,image/gif,image/webp,image/bmp,.json,.txt,.2fas,.csv,.bin';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'];
const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp'];
const TEXT_EXTENSIONS = ['json', 'txt', '2fas', 'csv'];

/** A file larger than this is refused before it is read (the message to the background grows by 4/3). */
const MAX_IMPORT_MB = 20;

type FileKind = 'image' | 'text' | 'unsupported';

/** Images go to the QR decoder; text files to the importers; anything else is refused. */
export function fileKind(file: Pick<File, 'name' | 'type'>): FileKind {
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  if (IMAGE_TYPES.includes(file.type) || IMAGE_EXTENSIONS.includes(extension)) return 'image';
  // Other images (HEIC, SVG…) cannot be decoded; saying so beats reading them as text.
  if (file.type.startsWith('image/')) return 'unsupported';
  if (TEXT_EXTENSIONS.includes(extension) || file.type.startsWith('text/')) return 'text';
  return file.type === 'application/json' ? 'text' : 'unsupported';
}

/**
 * A chosen, dropped or pasted file as an import source: an image for the QR decoder, any other
 * file (a backup, another app's export, a URI list, or something the importers will refuse
 * with a precise message) as its bytes. Refuses undecodable images and oversized files.
 */
export async function fileSource(file: File): Promise<Result<ImportSource>> {
  const image = fileKind(file) === 'image';
  if (!image && file.type.startsWith('image/'))
    return { ok: false, error: { key: 'manage_file_unsupported' } };
  if (file.size > MAX_IMPORT_MB * 1024 * 1024)
    return { ok: false, error: { key: 'manage_file_too_large', subs: [`${MAX_IMPORT_MB}`] } };
  try {
    const base64 = await readFileBase64(file);
    const type = IMAGE_TYPES.includes(file.type) ? file.type : 'image/png';
    return {
      ok: true,
      value: image
        ? { kind: 'image', name: file.name, dataUrl: `data:${type};base64,${base64}` }
        : { kind: 'file', name: file.name, base64 },
    };
  } catch {
    return { ok: false, error: { key: 'manage_file_unreadable' } };
  }
}
