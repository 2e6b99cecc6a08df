import { useRef, useState } from 'react';
import type { AppError, Result } from '../app-error';
import { fileKind, fileSource } from '../import-files';
import type { ImportOutcome, ImportPreview, ImportSource } from '../import/types';
import { sendMessage } from '../messaging';
import { useImportResults, type ImportSourceKind } from './use-import-results';

/** Where the source being previewed is: reading it, asking its password, or showing its content. */
export type PreviewStep = { kind: ImportSourceKind; name: string } & (
  | { step: 'reading' }
  | { step: 'password'; error: AppError | null }
  | { step: 'preview'; preview: ImportPreview; committing: boolean }
);

interface Queued {
  /** Its entry in the results. */
  id: number;
  kind: ImportSourceKind;
  name: string;
  load: () => Promise<Result<ImportSource>>;
  /** Told what its commit did, or `null` when it was cancelled or failed. */
  done?: (outcomes: ImportOutcome[] | null) => void;
}

interface Options {
  /** After accounts were added. */
  onAdded: () => void;
  /** The password typed on the import form before a file was chosen, if any. */
  presetPassword?: () => string;
}

/** A request that could not reach the background (or threw there) becomes a shown error. */
async function request<T>(send: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await send();
  } catch {
    return { ok: false, error: { key: 'error_unexpected' } };
  }
}

/**
 * Every import of the manage page — files, QR images, pasted text — one at a time, the same way:
 * read it (asking a file's password if it has one), show what it holds, and add it in one
 * step; or cancel, and nothing changed. Each submission is listed in the results from the moment
 * it is queued.
 */
export function useImport({ onAdded, presetPassword }: Options) {
  const results = useImportResults();
  const [current, setCurrent] = useState<PreviewStep | null>(null);
  const queue = useRef<Queued[]>([]);
  const held = useRef<{ item: Queued; source: ImportSource } | null>(null);
  /** A source is being read or shown: further ones wait in the queue. */
  const active = useRef(false);

  const finish = (item: Queued, result: Result<ImportOutcome[]>) => {
    results.update(
      item.id,
      result.ok
        ? { state: 'done', outcomes: result.value }
        : { state: 'done', error: result.error },
    );
    item.done?.(result.ok ? result.value : null);
  };

  /** Reads the held source; false when it failed as a whole (reported; go on to the next). */
  const preview = async (password?: string): Promise<boolean> => {
    if (!held.current) return false;
    const { item, source } = held.current;
    const at = { kind: item.kind, name: item.name };
    setCurrent({ ...at, step: 'reading' });
    const data = { source, ...(password ? { password } : {}) };
    const reply = await request(() => sendMessage('import.preview', data));
    if (reply.ok) {
      setCurrent({ ...at, step: 'preview', preview: reply.value, committing: false });
    } else if (reply.error.key === 'error_backup_password_required') {
      setCurrent({ ...at, step: 'password', error: password ? reply.error : null });
    } else if (reply.error.key === 'error_backup_wrong_password') {
      setCurrent({ ...at, step: 'password', error: reply.error });
    } else {
      finish(item, reply);
      return false;
    }
    return true;
  };

  /** Forgets the source shown and reads the next one in the queue, if any. */
  const next = async () => {
    held.current = null;
    active.current = true;
    for (let item = queue.current.shift(); item; item = queue.current.shift()) {
      results.update(item.id, { state: 'working' });
      setCurrent({ kind: item.kind, name: item.name, step: 'reading' });
      const source = await item.load();
      if (!source.ok) {
        finish(item, source);
        continue;
      }
      held.current = { item, source: source.value };
      // A password typed before choosing the file is tried first; a wrong one asks again.
      const preset = source.value.kind === 'file' ? presetPassword?.() : undefined;
      if (await preview(preset || undefined)) return;
      held.current = null;
    }
    active.current = false;
    setCurrent(null);
  };

  const enqueue = (item: Omit<Queued, 'id'>) => {
    queue.current.push({ ...item, id: results.add(item.kind, item.name) });
    if (!active.current) void next();
  };

  /** Chosen, dropped or pasted files: images for the QR decoder, others for the importers. */
  const addFiles = (files: File[], kind: 'file' | 'pasted-image' = 'file') => {
    for (const file of files) {
      // A file copied in the file manager is pasted as itself, not as an anonymous image.
      const as = kind === 'pasted-image' && fileKind(file) !== 'image' ? 'file' : kind;
      enqueue({ kind: as, name: file.name, load: () => fileSource(file) });
    }
  };

  /** Pasted text; `done` hears what its commit did, so the form can keep text not imported. */
  const addText = (text: string, done: (outcomes: ImportOutcome[] | null) => void) =>
    enqueue({
      kind: 'text',
      name: '',
      load: async () => ({ ok: true, value: { kind: 'text', text } }),
      done,
    });

  const commit = async () => {
    const shown = held.current;
    if (current?.step !== 'preview' || !shown) return;
    setCurrent({ ...current, committing: true });
    const { token } = current.preview;
    const reply = await request(() => sendMessage('import.commit', { token }));
    finish(shown.item, reply.ok ? { ok: true, value: reply.value.outcomes } : reply);
    if (reply.ok && reply.value.added > 0) onAdded();
    await next();
  };

  const cancel = () => {
    if (current?.step === 'preview') {
      const { token } = current.preview;
      void request(() => sendMessage('import.cancel', { token }));
    }
    if (held.current) {
      results.remove(held.current.item.id);
      held.current.item.done?.(null);
    }
    void next();
  };

  const submitPassword = async (password: string) => {
    if (!(await preview(password))) await next();
  };

  return {
    entries: results.entries,
    clear: results.clear,
    current,
    addFiles,
    addText,
    submitPassword: (password: string) => void submitPassword(password),
    commit,
    cancel,
  };
}
