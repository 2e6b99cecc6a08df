import { useRef, useState } from 'react';
import type { AppError, Result } from '../app-error';
import type { ImportPreview, PreviewItem, SkippedEntry } from '../backup-protocol';
import { readFileBase64 } from '../download';
import { sendMessage, type ImportItem, type ImportOutcome } from '../messaging';
import { MAX_IMPORT_MB, fileKind } from './use-import';

/** Where the file being previewed is: reading it, asking its password, or showing its content. */
export type PreviewStep =
  | { step: 'reading'; name: string }
  | { step: 'password'; name: string; error: AppError | null }
  | { step: 'preview'; name: string; preview: ImportPreview; committing: boolean };

interface Options {
  /** Adds a finished file to the import results (`import-result`). */
  report: (name: string, result: Result<ImportItem>) => void;
  /** After accounts were added. */
  onAdded: () => void;
  /** The password typed on the import form before the file was chosen, if any. */
  presetPassword?: () => string;
}

/** Images go to the QR decoder; every other file is a backup or export to preview. */
const isPreviewFile = (file: File) => fileKind(file) !== 'image' && !file.type.startsWith('image/');

/** What a commit did, as import outcomes: added (conflicts with a hint), already there, skipped. */
export function commitOutcomes(items: PreviewItem[], skipped: SkippedEntry[]): ImportOutcome[] {
  return [
    ...items.map((item): ImportOutcome => {
      if (item.status === 'existing') return { kind: 'duplicate', title: item.title };
      if (item.status === 'conflict')
        return { kind: 'added', title: item.title, warning: { key: 'import_conflict_added' } };
      return { kind: 'added', title: item.title };
    }),
    ...skipped.map((entry): ImportOutcome => ({
      kind: 'skipped',
      title: entry.title,
      error: { key: entry.reason },
    })),
  ];
}

async function request<T>(send: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await send();
  } catch {
    return { ok: false, error: { key: 'error_unexpected' } };
  }
}

/**
 * Backup and export files on the manage page, one at a time: read it (asking for its password
 * if it has one), show what it holds, and add it in one step — or cancel, and nothing changed.
 */
export function useImportPreview({ report, onAdded, presetPassword }: Options) {
  const [current, setCurrent] = useState<PreviewStep | null>(null);
  const queue = useRef<File[]>([]);
  const file = useRef<{ name: string; base64: string } | null>(null);
  /** A file is being read or shown: further files wait in the queue. */
  const active = useRef(false);

  /** Reads the held file; false when it failed as a whole (reported; go on to the next). */
  const preview = async (password?: string): Promise<boolean> => {
    const held = file.current;
    if (!held) return false;
    setCurrent({ step: 'reading', name: held.name });
    const data = { name: held.name, base64: held.base64, ...(password ? { password } : {}) };
    const reply = await request(() => sendMessage('backup.preview', data));
    if (reply.ok) {
      setCurrent({ step: 'preview', name: held.name, preview: reply.value, committing: false });
    } else if (reply.error.key === 'error_backup_password_required') {
      setCurrent({ step: 'password', name: held.name, error: password ? reply.error : null });
    } else if (reply.error.key === 'error_backup_wrong_password') {
      setCurrent({ step: 'password', name: held.name, error: reply.error });
    } else {
      report(held.name, reply);
      return false;
    }
    return true;
  };

  /** Forgets the file shown and reads the next one in the queue, if any. */
  const next = async () => {
    file.current = null;
    active.current = true;
    for (let upcoming = queue.current.shift(); upcoming; upcoming = queue.current.shift()) {
      setCurrent({ step: 'reading', name: upcoming.name });
      if (upcoming.size > MAX_IMPORT_MB * 1024 * 1024) {
        const subs = [`${MAX_IMPORT_MB}`];
        report(upcoming.name, { ok: false, error: { key: 'manage_file_too_large', subs } });
        continue;
      }
      try {
        file.current = { name: upcoming.name, base64: await readFileBase64(upcoming) };
      } catch {
        report(upcoming.name, { ok: false, error: { key: 'manage_file_unreadable' } });
        continue;
      }
      // A password typed before choosing the file is tried first; a wrong one asks again.
      if (await preview(presetPassword?.() || undefined)) return;
      file.current = null;
    }
    active.current = false;
    setCurrent(null);
  };

  /** Takes the files to preview (queued) and returns the rest, for the QR decoder. */
  const take = (files: File[]): File[] => {
    const mine = files.filter(isPreviewFile);
    if (mine.length > 0) {
      queue.current.push(...mine);
      if (!active.current) void next();
    }
    return files.filter((f) => !isPreviewFile(f));
  };

  const commit = async () => {
    if (current?.step !== 'preview') return;
    const { name, preview: shown } = current;
    setCurrent({ ...current, committing: true });
    const reply = await request(() => sendMessage('backup.commit', { token: shown.token }));
    const outcomes = reply.ok ? commitOutcomes(reply.value.items, shown.skipped) : [];
    report(name, reply.ok ? { ok: true, value: { source: name, outcomes } } : reply);
    if (reply.ok && reply.value.added > 0) onAdded();
    await next();
  };

  const cancel = () => {
    if (current?.step === 'preview')
      void request(() => sendMessage('backup.cancel', { token: current.preview.token }));
    void next();
  };

  const submitPassword = async (password: string) => {
    if (!(await preview(password))) await next();
  };

  return {
    current,
    take,
    submitPassword: (password: string) => void submitPassword(password),
    commit,
    cancel,
  };
}
