import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecoveryKey } from '../../lib/vault/recovery-key';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { sendFromPage } from './support/messages';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';

/**
 * Two (then three) profiles of the built extension, the test relaying `chrome.storage.sync`
 * between their service workers as the browser's sync engine would.
 */

const PASSWORD = 'Kosmo-Sync-Pass-2026';
const NEW_PASSWORD = 'Another-Strong-Pass-77';
/** Set on a fresh PC with the recovery key, the password having been forgotten. */
const RECOVERED_PASSWORD = 'Recovered-Pass-On-D-31';
const KEYS = {
  taro: 'JBSWY3DPEHPK3PXP',
  hanako: 'GEZDGNBVGY3TQOJQ',
  jiro: 'KRUGS4ZANFZSAYJA',
  own: 'MFRGGZDFMZTWQ2LK',
};

interface SyncGlobals {
  chrome: {
    storage: {
      sync: {
        get(key: null): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
      };
    };
  };
}

/** A's recovery key, as its first run showed it (read in the first test). */
let recoveryKey = '';

const workerOf = (browser: ExtensionBrowser): Worker => browser.context.serviceWorkers()[0]!;

/**
 * The browser's sync engine, as a server keeping the last write of each key: what a PC wrote since
 * it was last delivered to goes up (checked for plaintext on the way), then `to` gets every key
 * whose server value differs from its own.
 */
const server: Record<string, string> = {};
const seen = new Map<ExtensionBrowser, Record<string, string>>();

async function upload(from: ExtensionBrowser): Promise<void> {
  const items = await workerOf(from).evaluate(() =>
    (globalThis as unknown as SyncGlobals).chrome.storage.sync.get(null),
  );
  const text = JSON.stringify(items);
  const recovery = recoveryKey ? [recoveryKey, recoveryKey.replace(/-/g, '')] : [];
  const passwords = [PASSWORD, NEW_PASSWORD, RECOVERED_PASSWORD];
  for (const secret of [
    ...Object.values(KEYS),
    '山田',
    'hanako',
    'jiro',
    'Keycloak',
    ...passwords,
    ...recovery,
  ]) {
    expect(text, 'synced data holds no plaintext').not.toContain(secret);
  }
  const last = seen.get(from) ?? {};
  const now: Record<string, string> = {};
  for (const [key, value] of Object.entries(items)) {
    now[key] = JSON.stringify(value);
    if (last[key] !== now[key]) server[key] = now[key];
  }
  seen.set(from, now);
}

async function relay(from: ExtensionBrowser, to: ExtensionBrowser): Promise<void> {
  await upload(from);
  await upload(to);
  const mine = seen.get(to) ?? {};
  const changed = Object.fromEntries(
    Object.entries(server)
      .filter(([key, json]) => mine[key] !== json)
      .map(([key, json]) => [key, JSON.parse(json) as unknown]),
  );
  seen.set(to, { ...mine, ...server });
  await workerOf(to).evaluate(
    (items) => (globalThis as unknown as SyncGlobals).chrome.storage.sync.set(items),
    changed,
  );
}

const syncedOf = (browser: ExtensionBrowser) =>
  workerOf(browser).evaluate(() =>
    (globalThis as unknown as SyncGlobals).chrome.storage.sync.get(null),
  );

const uri = (name: string, key: string) =>
  `otpauth://totp/Keycloak:${encodeURIComponent(name)}?secret=${key}&issuer=Keycloak`;

async function names(page: Page): Promise<string[]> {
  const reply = await sendFromPage(page, 'accounts.list', undefined);
  if (!reply.ok) return [];
  return reply.value.accounts.map((a) => a.name).sort();
}

describe('sync across PCs through chrome.storage.sync', () => {
  let a: ExtensionBrowser;
  let b: ExtensionBrowser;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    [a, b] = await Promise.all([launchWithExtension(), launchWithExtension()]);
  }, 60_000);
  afterAll(async () => {
    for (const browser of [a, b]) {
      await browser?.close();
      if (browser) await removeProfile(browser.profileDir);
    }
  });

  it('A turns sync on from the manage page and B joins from its first run', async () => {
    const popupA = await PopupPage.open(a);
    await popupA.createPassword(PASSWORD);
    recoveryKey = (await popupA.byTestId('recovery-key').innerText()).replace(/\s/g, '');
    expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){6}[0-9A-Z]{5}$/);
    pageA = popupA.page;
    await sendFromPage(pageA, 'accounts.add', { uri: uri('山田太郎', KEYS.taro) });
    await sendFromPage(pageA, 'accounts.add', { uri: uri('hanako', KEYS.hanako) });
    const manage = await a.context.newPage();
    await manage.goto(a.url('manage.html'));
    const section = manage.getByTestId('settings-sync');
    await section.getByTestId('sync-password').fill(PASSWORD);
    await section.getByTestId('sync-enable').click();
    await expect
      .poll(() => section.getByTestId('sync-counts').textContent(), { timeout: 10_000 })
      .toMatch(/2\D+2/);
    const fingerprint = await section.getByTestId('sync-fingerprint').innerText();
    await relay(a, b);

    // The welcome tab of a new PC offers the synced accounts too, not a second vault.
    const welcomeB = await b.context.newPage();
    await welcomeB.goto(b.url('welcome.html'));
    await welcomeB.getByTestId('sync-offer').waitFor();
    expect(await welcomeB.getByTestId('password-new').count()).toBe(0);
    await welcomeB.close();

    const popupB = await PopupPage.open(b);
    pageB = popupB.page;
    await popupB.byTestId('sync-offer').waitFor();
    await popupB.byTestId('sync-join-password').fill('wrong password here');
    await popupB.byTestId('sync-join-submit').click();
    await popupB.byTestId('error').waitFor();
    await popupB.byTestId('sync-join-password').fill(PASSWORD);
    await popupB.byTestId('sync-join-submit').click();
    await expect.poll(() => popupB.accounts().count(), { timeout: 10_000 }).toBe(2);
    await awayFromStepEdge();
    const shown = await popupB.page.getByTestId('account-code').allInnerTexts();
    const expected = [KEYS.taro, KEYS.hanako].map((key) => oathtoolTotp(key)).sort();
    expect(shown.map((code) => code.replace(/\s/g, '')).sort()).toEqual(expected);

    const manageB = await b.context.newPage();
    await manageB.goto(b.url('manage.html'));
    await expect
      .poll(() => manageB.getByTestId('sync-fingerprint').innerText(), { timeout: 10_000 })
      .toBe(fingerprint);
    await manageB.close();
    await manage.close();
  }, 90_000);

  it('offline edits on both sides end in the same accounts on both', async () => {
    const listA = await sendFromPage(pageA, 'accounts.list', undefined);
    const listB = await sendFromPage(pageB, 'accounts.list', undefined);
    if (!listA.ok || !listB.ok) throw new Error('list failed');
    const hanakoA = listA.value.accounts.find((x) => x.name === 'hanako')!;
    const taroB = listB.value.accounts.find((x) => x.name === '山田太郎')!;
    await sendFromPage(pageA, 'accounts.delete', { id: hanakoA.id });
    await sendFromPage(pageB, 'accounts.add', { uri: uri('jiro', KEYS.jiro) });
    await sendFromPage(pageB, 'accounts.update', { id: taroB.id, patch: { name: '山田花子' } });
    const want = ['jiro', '山田花子'];
    // Each worker pushes its own changes shortly after they happen.
    await new Promise((r) => setTimeout(r, 2500));
    await relay(a, b);
    await relay(b, a);
    await expect.poll(() => names(pageA), { timeout: 10_000 }).toEqual(want);
    await new Promise((r) => setTimeout(r, 2500));
    await relay(a, b);
    await expect.poll(() => names(pageB), { timeout: 10_000 }).toEqual(want);
  }, 60_000);

  it('a password changed on A is the one B needs at its next unlock', async () => {
    const changed = await sendFromPage(pageA, 'vault.change-password', {
      oldPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 2500));
    await relay(a, b);
    const manageB = await b.context.newPage();
    await manageB.goto(b.url('manage.html'));
    await expect
      .poll(() => manageB.getByTestId('sync-problem').allInnerTexts(), { timeout: 10_000 })
      .toContainEqual(expect.stringMatching(/password was changed/));
    await manageB.close();
    await sendFromPage(pageB, 'vault.lock', undefined);
    expect((await sendFromPage(pageB, 'vault.unlock', { password: PASSWORD })).ok).toBe(false);
    expect((await sendFromPage(pageB, 'vault.unlock', { password: NEW_PASSWORD })).ok).toBe(true);
    expect(await names(pageB)).toEqual(['jiro', '山田花子']);
  }, 60_000);

  it('a PC with its own vault merges into the synced one, keeping both sides', async () => {
    const c = await launchWithExtension();
    try {
      const popupC = await PopupPage.open(c);
      await popupC.createPassword('abcdefgh');
      await sendFromPage(popupC.page, 'accounts.add', { uri: uri('own', KEYS.own) });
      await sendFromPage(popupC.page, 'accounts.add', { uri: uri('jiro-copy', KEYS.jiro) });
      const manage = await c.context.newPage();
      await manage.goto(c.url('manage.html'));
      const section = manage.getByTestId('settings-sync');
      // Its own password is too weak to guard synced data: refused, nothing changes.
      await section.getByTestId('sync-password').fill('abcdefgh');
      await section.getByTestId('sync-enable').click();
      await expect(section.getByTestId('error').innerText()).resolves.toMatch(/too weak/);
      await relay(a, c);
      await manage.reload();
      await section.getByTestId('sync-other').waitFor();
      await section.getByTestId('sync-password').fill(NEW_PASSWORD);
      await section.getByTestId('sync-join').click();
      const all = ['jiro', 'own', '山田花子'];
      await expect.poll(() => names(popupC.page), { timeout: 10_000 }).toEqual(all);
      await relay(c, a);
      await expect.poll(() => names(pageA), { timeout: 10_000 }).toEqual(all);
    } finally {
      await c.close();
      await removeProfile(c.profileDir);
    }
  }, 90_000);

  it('a fresh PC joins with the recovery key; A then says its password changed', async () => {
    const d = await launchWithExtension();
    try {
      await relay(a, d);
      const synced = await syncedOf(d);
      const popupD = await PopupPage.open(d);
      await popupD.byTestId('sync-offer').waitFor();
      await popupD.byTestId('sync-join-with-key').click();
      const groups = recoveryKey.split('-');
      const third = groups[2]!;
      groups[2] = `${third.slice(0, 2)}${third[2] === 'Q' ? 'R' : 'Q'}${third.slice(3)}`;
      const typo = groups.join('-');
      await popupD.byTestId('recovery-key-input').fill(typo);
      await popupD.byTestId('password-new').fill(RECOVERED_PASSWORD);
      await popupD.byTestId('password-confirm').fill(RECOVERED_PASSWORD);
      await popupD.byTestId('recovery-submit').click();
      await expect
        .poll(() => popupD.byTestId('error').innerText())
        .toMatch(/Group 3 .*mistyped.*Nothing was changed/);
      // The worker refuses it too, naming the group, whoever sends it.
      const sent = await sendFromPage(popupD.page, 'sync.join', {
        recoveryKey: typo,
        newPassword: RECOVERED_PASSWORD,
      });
      expect(sent).toMatchObject({ ok: false, error: { subs: ['3'] } });
      // Well formed, but another vault's: refused by the worker, counted like a wrong password.
      const wrong = generateRecoveryKey(crypto).display;
      await popupD.byTestId('recovery-key-input').fill(wrong);
      await popupD.byTestId('recovery-submit').click();
      await expect
        .poll(() => popupD.byTestId('error').innerText(), { timeout: 10_000 })
        .toMatch(/does not open your data.*Nothing was changed/);
      expect(await sendFromPage(popupD.page, 'vault.status', undefined)).toEqual({
        ok: true,
        value: 'none',
      });
      expect(await syncedOf(d)).toEqual(synced);

      await popupD
        .byTestId('recovery-key-input')
        .fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
      await popupD.byTestId('recovery-submit').click();
      await expect.poll(() => popupD.accounts().count(), { timeout: 10_000 }).toBe(3);
      await awayFromStepEdge();
      const shown = await popupD.page.getByTestId('account-code').allInnerTexts();
      const expected = [KEYS.taro, KEYS.jiro, KEYS.own].map((key) => oathtoolTotp(key)).sort();
      expect(shown.map((code) => code.replace(/\s/g, '')).sort()).toEqual(expected);
      await sendFromPage(popupD.page, 'vault.lock', undefined);
      const unlocked = await sendFromPage(popupD.page, 'vault.unlock', {
        password: RECOVERED_PASSWORD,
      });
      expect(unlocked.ok).toBe(true);

      // The new password slot goes up as a password change (scanned for plaintext on the way).
      await relay(d, a);
      await expect
        .poll(
          async () => {
            const status = await sendFromPage(pageA, 'sync.status', undefined);
            return status.ok && status.value.last?.passwordChanged;
          },
          { timeout: 10_000 },
        )
        .toBe(true);
      await sendFromPage(pageA, 'vault.lock', undefined);
      const popupA = await PopupPage.open(a);
      await expect
        .poll(() => popupA.byTestId('sync-password-changed').innerText())
        .toMatch(/password was changed on another PC/);
      await popupA.unlock(NEW_PASSWORD);
      await popupA.byTestId('error').waitFor({ timeout: 10_000 });
      await popupA.unlock(RECOVERED_PASSWORD);
      await expect.poll(() => popupA.accounts().count(), { timeout: 10_000 }).toBe(3);
      expect(await names(pageA)).toEqual(['jiro', 'own', '山田花子']);
      await sendFromPage(pageA, 'vault.lock', undefined);
      await popupA.page.reload();
      await popupA.byTestId('unlock-password').waitFor();
      // Unlocked once with the new password: the note has done its job.
      expect(await popupA.byTestId('sync-password-changed').count()).toBe(0);
      await popupA.unlock(RECOVERED_PASSWORD);
      await popupA.byTestId('add-account').waitFor({ timeout: 10_000 });
      await popupA.page.close();
    } finally {
      await d.close();
      await removeProfile(d.profileDir);
    }
  }, 120_000);

  it('a vault too large to sync says so and stays whole', async () => {
    const before = await syncedOf(a);
    const long = 'あ'.repeat(250);
    const b32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    for (let i = 0; i < 45; i += 1) {
      const key = `JBSWY3DP${b32[i % 32]}${b32[Math.floor(i / 32)]}EHPK3PXP`;
      const label = encodeURIComponent(`${long}:${long.slice(3)}${i}`);
      const added = await sendFromPage(pageA, 'accounts.add', {
        uri: `otpauth://totp/${label}?secret=${key}`,
      });
      expect(added, JSON.stringify(added).slice(0, 200)).toMatchObject({ ok: true });
    }
    const manage = await a.context.newPage();
    await manage.goto(a.url('manage.html'));
    await manage.getByTestId('sync-now').click();
    await expect
      .poll(() => manage.getByTestId('sync-problem').allInnerTexts(), { timeout: 10_000 })
      .toContainEqual(expect.stringMatching(/Too many/));
    expect((await names(pageA)).length).toBe(48);
    // Nothing was written: the synced copy is as it was.
    expect(await syncedOf(a)).toEqual(before);
    await manage.close();
  }, 60_000);
});
