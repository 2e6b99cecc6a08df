import { useCallback, useRef, useState } from 'react';
import type { AppError, Result } from '../app-error';
import { sendMessage, type ImportItem, type ImportOutcome } from '../messaging';

/** What the file chooser offers: images for QR decoding, and text-like backup files. */
export const IMPORT_ACCEPT =
  'image/png,image/jpeg,image/gif,image/webp,image/bmp,.json,.txt,.2fas,.csv,.bin';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'];
const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp'];
const TEXT_EXTENSIONS = ['json', 'txt', '2fas', 'csv'];

/** A file larger than this is refused before it is read (the message to the background grows by 4/3). */
export const MAX_IMPORT_MB = 20;

/** Where one submission came from; decides how its entry is named. */
export type ImportSourceKind = 'file' | 'pasted-image' | 'text';

/** One file or text submission and what became of it. */
export interface ImportEntry {
  id: number;
  kind: ImportSourceKind;
  /** The file name (empty for pasted text). */
  name: string;
  state: 'waiting' | 'working' | 'done';
  outcomes: ImportOutcome[];
  /** The submission as a whole failed (unreadable file, refused request). */
  error: AppError | null;
}

export type FileKind = 'image' | 'text' | 'unsupported';

/** Images go to the QR decoder; text files to the text importer; anything else is refused. */
export function fileKind(file: Pick<File, 'name' | 'type'>): FileKind {
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  if (IMAGE_TYPES.includes(file.type) || IMAGE_EXTENSIONS.includes(extension)) return 'image';
  // Other images (HEIC, SVG…) cannot be decoded; saying so beats reading them as text.
  if (file.type.startsWith('image/')) return 'unsupported';
  if (TEXT_EXTENSIONS.includes(extension) || file.type.startsWith('text/')) return 'text';
  return file.type === 'application/json' ? 'text' : 'unsupported';
}

function readFile(file: File, as: 'dataUrl' | 'text'): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    if (as === 'dataUrl') reader.readAsDataURL(file);
    else reader.readAsText(file);
  });
}

/** A request that could not reach the background (or threw there) becomes a shown error. */
async function request(send: () => Promise<Result<ImportItem>>): Promise<Result<ImportItem>> {
  try {
    return await send();
  } catch {
    return { ok: false, error: { key: 'error_unexpected' } };
  }
}

async function importFile(file: File): Promise<Result<ImportItem>> {
  const kind = fileKind(file);
  if (kind === 'unsupported') return { ok: false, error: { key: 'manage_file_unsupported' } };
  if (file.size > MAX_IMPORT_MB * 1024 * 1024)
    return { ok: false, error: { key: 'manage_file_too_large', subs: [`${MAX_IMPORT_MB}`] } };
  let content: string;
  try {
    content = await readFile(file, kind === 'image' ? 'dataUrl' : 'text');
  } catch {
    return { ok: false, error: { key: 'manage_file_unreadable' } };
  }
  return kind === 'image'
    ? request(() => sendMessage('import.image', { name: file.name, dataUrl: content }))
    : request(() => sendMessage('import.text', { text: content }));
}

/**
 * The manage page's imports: every file or text becomes an entry at once (newest first) and is
 * processed one after another; decoding and storing happen in the background.
 */
export function useImport() {
  const [entries, setEntries] = useState<ImportEntry[]>([]);
  const nextId = useRef(1);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const update = useCallback((id: number, patch: Partial<ImportEntry>) => {
    setEntries((list) => list.map((entry) => (entry.id === id ? { ...entry, ...patch } : entry)));
  }, []);

  /** Adds an entry now and runs `work` after everything queued before it. */
  const enqueue = useCallback(
    (kind: ImportSourceKind, name: string, work: () => Promise<Result<ImportItem>>) => {
      const id = nextId.current++;
      const entry: ImportEntry = { id, kind, name, state: 'waiting', outcomes: [], error: null };
      setEntries((list) => [entry, ...list]);
      const run = async () => {
        update(id, { state: 'working' });
        const result = await work();
        update(
          id,
          result.ok
            ? { state: 'done', outcomes: result.value.outcomes }
            : { state: 'done', error: result.error },
        );
        return result;
      };
      const done = queue.current.then(run);
      queue.current = done.then(
        () => undefined,
        () => undefined,
      );
      return done;
    },
    [update],
  );

  const importFiles = useCallback(
    (files: File[], kind: 'file' | 'pasted-image' = 'file') => {
      for (const file of files) {
        // A file copied in the file manager is pasted as itself, not as an anonymous image.
        const source = kind === 'pasted-image' && fileKind(file) !== 'image' ? 'file' : kind;
        void enqueue(source, file.name, () => importFile(file));
      }
    },
    [enqueue],
  );

  /** Resolves with the request's result, so the form can keep text that was not imported. */
  const importText = useCallback(
    (text: string) =>
      enqueue('text', '', () => request(() => sendMessage('import.text', { text }))),
    [enqueue],
  );

  /** Adds a submission finished elsewhere (a previewed backup file) to the results. */
  const report = useCallback(
    (name: string, result: Result<ImportItem>) => void enqueue('file', name, async () => result),
    [enqueue],
  );

  return {
    entries,
    busy: entries.some((entry) => entry.state !== 'done'),
    importFiles,
    importText,
    report,
    /** Forgets finished entries (running and waiting ones stay). */
    clear: () => setEntries((list) => list.filter((entry) => entry.state !== 'done')),
  };
}
