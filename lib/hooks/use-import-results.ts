import { useCallback, useRef, useState } from 'react';
import type { AppError } from '../app-error';
import type { ImportOutcome } from '../import/types';

/** Where one submission came from; decides how its entry is named. */
export type ImportSourceKind = 'file' | 'pasted-image' | 'text';

/** One file or text submission and what became of it (`import-entry`). */
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

/**
 * The list of `import-result`: an entry per submission, newest first, from the moment it is
 * queued (waiting) through its preview (working) to what its commit did (done).
 */
export function useImportResults() {
  const [entries, setEntries] = useState<ImportEntry[]>([]);
  const nextId = useRef(1);

  const update = useCallback((id: number, patch: Partial<ImportEntry>) => {
    setEntries((list) => list.map((entry) => (entry.id === id ? { ...entry, ...patch } : entry)));
  }, []);

  /** Lists a queued submission and returns its id. */
  const add = useCallback((kind: ImportSourceKind, name: string): number => {
    const id = nextId.current++;
    const entry: ImportEntry = { id, kind, name, state: 'waiting', outcomes: [], error: null };
    setEntries((list) => [entry, ...list]);
    return id;
  }, []);

  return {
    entries,
    add,
    update,
    /** Forgets a submission the user cancelled: nothing became of it. */
    remove: (id: number) => setEntries((list) => list.filter((entry) => entry.id !== id)),
    /** Forgets finished entries (running and waiting ones stay). */
    clear: () => setEntries((list) => list.filter((entry) => entry.state !== 'done')),
  };
}
