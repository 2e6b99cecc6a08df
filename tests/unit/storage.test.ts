import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import {
  backupStatusItem,
  clockCheckItem,
  clockCorrectionItem,
  enabledSitesItem,
  migrationBatchesItem,
  settingsItem,
  vaultSessionStore,
  watchUnlocked,
} from '../../lib/storage';
import { SESSION_KEYS } from '../../lib/vault/session-keys';

const local = () => fakeBrowser.storage.local;

describe('storage items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('read the defaults when nothing is stored', async () => {
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
    expect(await clockCorrectionItem.getValue()).toBeNull();
    expect(await clockCheckItem.getValue()).toBeNull();
    expect(await enabledSitesItem.getValue()).toEqual([]);
    expect(await backupStatusItem.getValue()).toBeNull();
    expect(await migrationBatchesItem.getValue()).toEqual({});
  });

  it('read a broken stored value as the default', async () => {
    await local().set({
      settings: { autoLockMinutes: -3, autoFill: 'yes', clipboardSeconds: 7 },
      clockOffsetMs: 'soon',
      clockCheck: 'x',
      enabledSites: ['https://a.example', 42, null],
      backup: { lastBackupAt: 'yesterday' },
    });
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
    expect(await clockCorrectionItem.getValue()).toBeNull();
    expect(await clockCheckItem.getValue()).toBeNull();
    expect(await enabledSitesItem.getValue()).toEqual(['https://a.example']);
    expect(await backupStatusItem.getValue()).toBeNull();
  });

  it('keep the raw keys the other versions and the tests use', async () => {
    await clockCorrectionItem.setValue({ origin: 'https://a.example', offsetMs: 1500 });
    await enabledSitesItem.setValue(['https://a.example']);
    await backupStatusItem.setValue({ lastBackupAt: 5, accountCount: 2 });
    await clockCheckItem.setValue({ at: 9, origin: 'https://a.example', offsetMs: null });
    expect(await local().get(null)).toEqual({
      clockOffsetMs: { origin: 'https://a.example', offsetMs: 1500 },
      enabledSites: ['https://a.example'],
      backup: { lastBackupAt: 5, accountCount: 2 },
      clockCheck: { at: 9, origin: 'https://a.example', offsetMs: null },
    });
  });

  it('write settings keeping the keys a newer version stored', async () => {
    await local().set({ settings: { futureOption: 'kept', autoFill: false } });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, clipboardSeconds: 60 });
    expect((await local().get('settings')).settings).toEqual({
      ...DEFAULT_SETTINGS,
      clipboardSeconds: 60,
      futureOption: 'kept',
    });
  });

  it('watch with the parsed value, also after a removal', async () => {
    const seen: unknown[] = [];
    const unwatch = settingsItem.watch((value) => seen.push(value));
    await local().set({ settings: { autoLockMinutes: 5 } });
    await local().remove('settings');
    unwatch();
    await local().set({ settings: { autoLockMinutes: 30 } });
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, autoLockMinutes: 5 }, DEFAULT_SETTINGS]);
  });

  it("back the vault's session store with storage.session under the vault's keys", async () => {
    const changes: number[] = [];
    const unwatch = watchUnlocked(() => changes.push(1));
    await vaultSessionStore.set(SESSION_KEYS.dek, 'a2V5');
    await vaultSessionStore.set(SESSION_KEYS.lastActivity, 42);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({
      [SESSION_KEYS.dek]: 'a2V5',
      [SESSION_KEYS.lastActivity]: 42,
    });
    expect(await vaultSessionStore.get(SESSION_KEYS.lastActivity)).toBe(42);
    await vaultSessionStore.remove(SESSION_KEYS.dek);
    expect(await vaultSessionStore.get(SESSION_KEYS.dek)).toBeNull();
    expect(changes).toHaveLength(2);
    unwatch();
    await expect(vaultSessionStore.get('other')).rejects.toThrow();
  });
});
