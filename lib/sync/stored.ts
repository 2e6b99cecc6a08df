import { parseStamp } from './stamp';
import type { Entry, SyncState } from './ports';

/** This PC's sync choice and bookkeeping, as kept in `storage.local`. */
export interface StoredSync extends SyncState {
  enabled: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** A fresh state for this PC: sync off, a new random device id. */
export function newStoredSync(crypto: Pick<Crypto, 'randomUUID'>, vaultId?: string): StoredSync {
  const id = crypto.randomUUID();
  return {
    enabled: false,
    device: `pc-${id.slice(0, 8)}`,
    vaultId: vaultId ?? `v-${id.slice(9, 23)}`,
    clock: 0,
    entries: {},
  };
}

/**
 * Reads the stored state; `null` when absent or malformed (then the PC starts over: its
 * accounts are pushed as new versions, and nothing is ever deleted for lack of state).
 */
export function parseStoredSync(raw: unknown): StoredSync | null {
  if (!isRecord(raw) || typeof raw.enabled !== 'boolean') return null;
  const { device, vaultId, clock, header, entries } = raw;
  if (typeof device !== 'string' || typeof vaultId !== 'string') return null;
  if (!Number.isSafeInteger(clock) || !isRecord(entries)) return null;
  const parsed: Record<string, Entry> = {};
  for (const [id, value] of Object.entries(entries)) {
    const stamp = parseStamp(value);
    if (!stamp) return null;
    const t = isRecord(value) && typeof value.t === 'string' ? value.t : undefined;
    parsed[id] = t === undefined ? stamp : { ...stamp, t };
  }
  let head: StoredSync['header'];
  if (isRecord(header)) {
    const stamp = parseStamp({ v: header.rev, d: header.dev });
    if (!stamp || typeof header.token !== 'string') return null;
    head = { rev: stamp.v, dev: stamp.d, token: header.token };
  }
  return {
    enabled: raw.enabled,
    device,
    vaultId,
    clock: clock as number,
    entries: parsed,
    ...(head ? { header: head } : {}),
  };
}
