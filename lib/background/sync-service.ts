import { browser } from 'wxt/browser';
import type { VaultDatabase } from '../db/vault-database';
import { syncReportItem, syncStateItem, watchUnlocked } from '../storage';
import { aesAccountCipher, keyCheckValue } from '../sync/cipher';
import { syncOnce, type SyncReport } from '../sync/engine';
import type { SyncArea } from '../sync/ports';
import { newStoredSync, type StoredSync } from '../sync/stored';
import { vaultLocal } from '../sync/vault-local';
import { SerialQueue } from '../vault/serial';
import type { SessionKey } from '../vault/session-key';

/** What the worker's sync runs on. */
export interface SyncServiceDeps {
  db: VaultDatabase;
  crypto: Crypto;
  session: SessionKey;
  area: SyncArea;
  now: () => number;
}

/** Local changes are pushed this long after the last one, in one batch (write-rate limits). */
const PUSH_DELAY_MS = 1500;

/**
 * Runs sync in the worker, one run at a time: after local changes (batched), when the synced
 * area changes (another PC wrote), and at unlock. Does nothing while sync is off or the vault
 * is locked.
 */
export class SyncService {
  readonly #deps: SyncServiceDeps;
  readonly #queue = new SerialQueue();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(deps: SyncServiceDeps) {
    this.#deps = deps;
  }

  /** The stored state, or a fresh one (sync off) for this PC. */
  async state(): Promise<StoredSync> {
    return (await syncStateItem.getValue()) ?? newStoredSync(this.#deps.crypto);
  }

  /** Runs once now (after any run in progress); `null` when off or locked. */
  run(): Promise<SyncReport | null> {
    return this.#queue.run(() => this.#runOnce());
  }

  /** A run shortly, after changes stop coming. */
  schedule(delay = PUSH_DELAY_MS): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.run().catch(() => undefined), delay);
  }

  /** Serialises a change of the state with the runs. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.#queue.run(task);
  }

  /** Wires the triggers: vault writes, the synced area, unlock, and a worker start. */
  start(): void {
    const { db } = this.#deps;
    const changed = () => this.schedule();
    db.accounts.hook('creating', changed);
    db.accounts.hook('updating', changed);
    db.accounts.hook('deleting', changed);
    db.meta.hook('updating', changed);
    browser.storage.onChanged.addListener((_, area) => {
      if (area === 'sync') this.schedule(300);
    });
    watchUnlocked(() => {
      void this.#forgetPasswordNote();
      this.schedule(100);
    });
    this.schedule(500);
  }

  async #runOnce(): Promise<SyncReport | null> {
    const { db, crypto, session, area, now } = this.#deps;
    const state = await syncStateItem.getValue();
    if (!state?.enabled) return null;
    const dek = await session.key();
    if (!dek) return null;
    const kcv = await keyCheckValue(crypto, dek);
    const local = vaultLocal({ db, crypto, dek, now });
    const cipher = aesAccountCipher(crypto, dek);
    const result = await syncOnce({ area, local, cipher, kcv, now }, state);
    // Sync may have been turned off while this ran: keep that choice.
    const enabled = (await syncStateItem.getValue())?.enabled ?? false;
    await syncStateItem.setValue({ ...result.state, enabled });
    // 「パスワードが変更されました」 stays until the next unlock, whatever runs come between.
    const noted = (await syncReportItem.getValue())?.passwordChanged;
    const report = noted ? { ...result.report, passwordChanged: true } : result.report;
    await syncReportItem.setValue(report);
    return report;
  }

  /** After an unlock, the user knows the current password: the note about a change goes. */
  async #forgetPasswordNote(): Promise<void> {
    const report = await syncReportItem.getValue();
    if (!report?.passwordChanged || !(await this.#deps.session.isPresent())) return;
    await syncReportItem.setValue({ ...report, passwordChanged: false });
  }
}
