import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aesAccountCipher, type AccountCipher } from '../../../lib/sync/cipher';
import { syncOnce } from '../../../lib/sync/engine';
import type { SyncState } from '../../../lib/sync/ports';
import { compareStamps, type Stamp } from '../../../lib/sync/stamp';
import {
  account,
  clearCipher,
  MemoryArea,
  MemoryLocal,
  newState,
  slotsNumber,
} from './memory-sync';

/**
 * Two or three PCs edit on their own and sync through a model of the browser's sync engine:
 * a server that keeps the last write per key, uploads that wait, and downloads that arrive late,
 * twice, out of order or not at all (and then the server's state, as the engine catches up),
 * and a synced copy that is wiped.
 * However that goes, the PCs end with the same accounts; no account nobody deleted is lost;
 * every account ends as its highest version says (a deleted one does not come back).
 */

type Command =
  | { op: 'add'; pc: number; name: string }
  | { op: 'edit'; pc: number; pick: number; name: string }
  | { op: 'delete'; pc: number; pick: number }
  | { op: 'password'; pc: number }
  | { op: 'sync'; pc: number }
  | { op: 'flush'; pc: number }
  | { op: 'wipe' }
  | { op: 'catchup'; pc: number }
  | { op: 'deliver'; pc: number; pick: number; mode: 'once' | 'twice' | 'drop' };

interface Pc {
  local: MemoryLocal;
  area: MemoryArea;
  state: SyncState;
  inbox: [string, unknown][];
  outbox: Record<string, unknown>[];
}

const name = fc.constantFrom('山田太郎', 'taro', '電線健保', 'x@example.jp');
const command = (pcs: number): fc.Arbitrary<Command> => {
  const pc = fc.nat(pcs - 1);
  const pick = fc.nat(50);
  return fc.oneof(
    fc.record({ op: fc.constant('add' as const), pc, name }),
    fc.record({ op: fc.constant('edit' as const), pc, pick, name }),
    fc.record({ op: fc.constant('delete' as const), pc, pick }),
    fc.record({ op: fc.constant('password' as const), pc }),
    fc.record({ op: fc.constant('sync' as const), pc }),
    fc.record({ op: fc.constant('sync' as const), pc }),
    fc.record({ op: fc.constant('flush' as const), pc }),
    fc.record({ op: fc.constant('wipe' as const) }),
    fc.record({ op: fc.constant('catchup' as const), pc }),
    fc.record({
      op: fc.constant('deliver' as const),
      pc,
      pick,
      mode: fc.constantFrom('once' as const, 'twice' as const, 'drop' as const),
    }),
  );
};

/** Long enough runs that a change, its delivery, a wipe and a sync meet in one run. */
const commands = (pcs: number) => fc.array(command(pcs), { maxLength: 40, size: 'max' });

class World {
  readonly pcs: Pc[];
  readonly server: Record<string, unknown> = {};
  readonly deleted = new Set<string>();
  readonly added = new Set<string>();
  readonly highest = new Map<string, Stamp>();
  #ids = 0;
  #passwords = 0;

  constructor(
    count: number,
    readonly cipher: AccountCipher,
  ) {
    this.pcs = Array.from({ length: count }, (_, i) => ({
      local: new MemoryLocal(),
      area: new MemoryArea(),
      state: newState(`pc${i}`),
      inbox: [],
      outbox: [],
    }));
  }

  async run(c: Command): Promise<void> {
    if (c.op === 'wipe') {
      // The synced copy was removed (or the browser's sync data reset): an empty remote.
      for (const key of Object.keys(this.server)) delete this.server[key];
      for (const pc of this.pcs) {
        pc.area.items = {};
        pc.inbox = [];
      }
      return;
    }
    const pc = this.pcs[c.pc]!;
    const ids = [...pc.local.accountsById.keys()];
    if (c.op === 'add') {
      this.#ids += 1;
      const id = `id${this.#ids}`;
      pc.local.put(id, account(c.name, 'JBSWY3DPEHPK3PXP'));
      this.added.add(id);
    } else if (c.op === 'edit' && ids.length > 0) {
      const id = ids[c.pick % ids.length]!;
      pc.local.put(id, account(`${c.name}${c.pick}`));
    } else if (c.op === 'delete' && ids.length > 0) {
      const id = ids[c.pick % ids.length]!;
      await pc.local.remove(id);
      this.deleted.add(id);
    } else if (c.op === 'password') {
      this.#passwords += 1;
      pc.local.currentSlots = slotsNumber(this.#passwords);
    } else if (c.op === 'catchup') {
      pc.area.items = structuredClone(this.server);
      pc.inbox = [];
    } else if (c.op === 'sync') await this.sync(pc);
    else if (c.op === 'flush') this.flush(pc);
    else if (c.op === 'deliver' && pc.inbox.length > 0) {
      const at = c.pick % pc.inbox.length;
      const [key, value] = pc.inbox[at]!;
      if (c.mode !== 'twice') pc.inbox.splice(at, 1);
      if (c.mode !== 'drop') pc.area.items[key] = structuredClone(value);
    }
  }

  async sync(pc: Pc): Promise<void> {
    const before = pc.state;
    const { state } = await syncOnce(
      { area: pc.area, local: pc.local, cipher: this.cipher, kcv: 'ab'.repeat(16), now: () => 1 },
      before,
    );
    for (const [id, stamp] of Object.entries(state.entries)) {
      const old = before.entries[id];
      if (old) expect(compareStamps(stamp, old)).toBeGreaterThanOrEqual(0);
      const top = this.highest.get(id);
      if (!top || compareStamps(stamp, top) > 0) this.highest.set(id, stamp);
    }
    pc.state = state;
    pc.outbox.push(...pc.area.writes.splice(0));
  }

  flush(pc: Pc): void {
    for (const batch of pc.outbox.splice(0)) {
      for (const [key, value] of Object.entries(batch)) {
        this.server[key] = value;
        for (const other of this.pcs) if (other !== pc) other.inbox.push([key, value]);
      }
    }
  }

  /** Every upload reaches the server, then each PC gets the server's state and syncs, until quiet. */
  async settle(): Promise<void> {
    for (const pc of this.pcs) this.flush(pc);
    for (let round = 0; round < 10; round += 1) {
      let wrote = false;
      for (const pc of this.pcs) {
        pc.area.items = structuredClone(this.server);
        pc.inbox = [];
        await this.sync(pc);
        wrote ||= pc.outbox.length > 0;
        this.flush(pc);
      }
      if (!wrote) return;
    }
    throw new Error('did not settle in 10 rounds');
  }
}

async function check(world: World, commands: Command[]): Promise<void> {
  for (const c of commands) await world.run(c);
  await world.settle();
  const [first, ...others] = world.pcs.map((pc) => pc.local.snapshot());
  for (const other of others) expect(other).toEqual(first);
  const slots = world.pcs.map((pc) => pc.local.currentSlots);
  for (const other of slots.slice(1)) expect(other).toEqual(slots[0]);
  for (const id of world.added) {
    const present = id in first!;
    if (!world.deleted.has(id)) expect(present, `${id} was never deleted`).toBe(true);
    const top = world.highest.get(id);
    if (top) expect(present, `${id} ends as its highest version`).toBe(!top.del);
  }
}

describe('sync merge (property)', () => {
  it.each([2, 3])(
    '%i PCs converge without losing an account (10 000 runs)',
    async (count) => {
      await fc.assert(
        fc.asyncProperty(commands(count), (commands) =>
          check(new World(count, clearCipher), commands),
        ),
        { numRuns: 10_000 },
      );
    },
    600_000,
  );

  it('holds with the real AES-GCM cipher (1 000 runs)', async () => {
    const dek = await crypto.subtle.importKey(
      'raw',
      crypto.getRandomValues(new Uint8Array(32)),
      'AES-GCM',
      false,
      ['encrypt', 'decrypt'],
    );
    const cipher = aesAccountCipher(crypto, dek);
    await fc.assert(
      fc.asyncProperty(commands(3), (commands) => check(new World(3, cipher), commands)),
      { numRuns: 1_000 },
    );
  }, 600_000);
});
