import type { AccountCipher } from './cipher';
import {
  accountIdOf,
  accountItem,
  accountKey,
  HEADER_KEY,
  headerItem,
  parseSyncedAccount,
  parseSyncedHeader,
  SYNC_FORMAT,
  type SyncedAccount,
} from './items';
import {
  slotsToken,
  type LocalAccount,
  type LocalReplica,
  type SyncArea,
  type SyncState,
} from './ports';
import { checkQuota, type TooLarge } from './quota';
import { detectLocalChanges } from './local-changes';
import { compareStamps, type Stamp } from './stamp';

/** What one sync run needs. */
export interface SyncDeps {
  area: SyncArea;
  local: LocalReplica;
  cipher: AccountCipher;
  /** Key check value of the unlocked data key. */
  kcv: string;
  now: () => number;
}

/**
 * How a run ended: `ok`; `too-large` (nothing written, the local vault as it was plus what was
 * pulled); `other-vault` (the synced copy is under another data key: nothing done, the user
 * must join it); `unreadable` (the synced header is damaged: nothing done); `write-failed`.
 */
export type SyncStatus = 'ok' | 'too-large' | 'other-vault' | 'unreadable' | 'write-failed';

export interface SyncReport {
  status: SyncStatus;
  at: number;
  pulled: number;
  pushed: number;
  /** Ids of synced accounts that are damaged or do not open: reported, left alone. */
  corrupt: string[];
  localCount: number;
  remoteCount: number;
  tooLarge?: TooLarge;
  /** The key slots changed on another PC: the next unlock needs that PC's password. */
  passwordChanged?: boolean;
}

interface Run {
  state: SyncState;
  writes: Record<string, unknown>;
  report: SyncReport;
}

/**
 * One sync: notes local changes as new versions, reads the synced area, merges every account
 * by its stamp (remote winners are written to the local vault, local winners are batched into
 * one write), and checks the quota before writing. An account absent on one side is never a
 * delete; only a tombstone with a higher stamp removes one. Returns the new state to keep.
 */
export async function syncOnce(
  deps: SyncDeps,
  before: SyncState,
): Promise<{ state: SyncState; report: SyncReport }> {
  const raw = await deps.area.get();
  const header = raw[HEADER_KEY] === undefined ? undefined : parseSyncedHeader(raw[HEADER_KEY]);
  const base = emptyReport(deps.now());
  if (raw[HEADER_KEY] !== undefined && !header)
    return { state: before, report: { ...base, status: 'unreadable' } };
  if (header && header.kcv !== deps.kcv)
    return { state: before, report: { ...base, status: 'other-vault' } };

  const accounts = await deps.local.accounts();
  const state = detectLocalChanges(before, accounts);
  const remote = readAccounts(raw);
  for (const entry of remote.entries.values()) state.clock = Math.max(state.clock, entry.v);
  if (header) state.clock = Math.max(state.clock, header.rev);
  const run: Run = { state, writes: {}, report: { ...base, corrupt: [...remote.corrupt] } };

  await mergeHeader(deps, run, header);
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const ids = new Set([...Object.keys(state.entries), ...remote.entries.keys()]);
  for (const id of ids) await mergeAccount(deps, run, id, byId.get(id), remote.entries.get(id));
  await finish(deps, run, raw);
  return { state: run.state, report: run.report };
}

function emptyReport(at: number): SyncReport {
  return { status: 'ok', at, pulled: 0, pushed: 0, corrupt: [], localCount: 0, remoteCount: 0 };
}

function readAccounts(raw: Record<string, unknown>) {
  const entries = new Map<string, SyncedAccount>();
  const corrupt: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const id = accountIdOf(key);
    if (id === undefined) continue;
    const entry = parseSyncedAccount(value);
    if (entry) entries.set(id, entry);
    else corrupt.push(id);
  }
  return { entries, corrupt };
}

async function mergeHeader(deps: SyncDeps, run: Run, remote: ReturnType<typeof parseSyncedHeader>) {
  const { state } = run;
  const slots = await deps.local.slots();
  const token = slotsToken(slots);
  if (!state.header && remote && slotsToken(remote.slots) === token) {
    // A PC that joined the synced vault holds its slots: the same version, nothing to write.
    state.header = { rev: remote.rev, dev: remote.dev, token };
  } else if (!state.header) state.header = { rev: ++state.clock, dev: state.device, token };
  else if (state.header.token !== token) {
    state.header = { rev: ++state.clock, dev: state.device, token };
  }
  const mine: Stamp = { v: state.header.rev, d: state.header.dev };
  const order = remote ? compareStamps({ v: remote.rev, d: remote.dev }, mine) : -1;
  if (remote && order > 0) {
    await deps.local.writeSlots(remote.slots);
    state.header = { rev: remote.rev, dev: remote.dev, token: slotsToken(remote.slots) };
    state.vaultId = remote.vaultId;
    run.report.passwordChanged = true;
  } else if (order < 0) {
    run.writes[HEADER_KEY] = headerItem({
      format: SYNC_FORMAT,
      vaultId: state.vaultId,
      kcv: deps.kcv,
      rev: state.header.rev,
      dev: state.header.dev,
      slots,
      createdAt: remote?.createdAt ?? deps.now(),
    });
  } else if (remote) state.vaultId = remote.vaultId;
}

async function mergeAccount(
  deps: SyncDeps,
  run: Run,
  id: string,
  local: LocalAccount | undefined,
  remote: SyncedAccount | undefined,
): Promise<void> {
  const { state, report } = run;
  if (report.corrupt.includes(id)) return;
  const mine = state.entries[id];
  if (remote && (!mine || compareStamps(remote, mine) > 0)) {
    if (remote.del) {
      if (local) await deps.local.remove(id);
      state.entries[id] = { v: remote.v, d: remote.d, del: true };
    } else {
      let data;
      try {
        data = await deps.cipher.open(id, remote, remote.box);
      } catch {
        report.corrupt.push(id);
        return;
      }
      const t = await deps.local.write(id, data);
      state.entries[id] = { v: remote.v, d: remote.d, t };
    }
    report.pulled += 1;
  } else if (mine && (!remote || compareStamps(mine, remote) > 0)) {
    const stamp: Stamp = { v: mine.v, d: mine.d };
    if (mine.del) run.writes[accountKey(id)] = accountItem({ ...stamp, del: true });
    else if (local?.data) {
      const box = await deps.cipher.seal(id, stamp, local.data);
      run.writes[accountKey(id)] = accountItem({ ...stamp, box });
    }
  }
}

async function finish(deps: SyncDeps, run: Run, raw: Record<string, unknown>): Promise<void> {
  const { report, writes, state } = run;
  const after = { ...raw, ...writes };
  report.localCount = Object.values(state.entries).filter((entry) => !entry.del).length;
  report.remoteCount = Object.entries(after).filter(([key, value]) => {
    const entry = accountIdOf(key) === undefined ? undefined : parseSyncedAccount(value);
    return entry !== undefined && !entry.del;
  }).length;
  const keys = Object.keys(writes);
  if (keys.length === 0) return;
  const tooLarge = checkQuota(after);
  if (tooLarge) {
    report.status = 'too-large';
    report.tooLarge = tooLarge;
    report.remoteCount = Object.entries(raw).filter(
      ([key, value]) => accountIdOf(key) !== undefined && !parseSyncedAccount(value)?.del,
    ).length;
    return;
  }
  try {
    await deps.area.set(writes);
    report.pushed = keys.filter((key) => key !== HEADER_KEY).length;
  } catch {
    report.status = 'write-failed';
  }
}
