import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { decodeBase32 } from '../../lib/otp/base32';
import { KosmoSite, replicaHook, startReplica } from './support/kosmo-site';
import { sendFromPage } from './support/messages';
import { addSeededAccount } from './support/seeded-account';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';

const SIBLING = 'https://evil.kosmo-web.jp';
let replica: Awaited<ReturnType<typeof startReplica>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  replica = await startReplica();
  browser = await launchWithExtension();
  await replica.attach(browser.context);
});

afterAll(async () => {
  await browser?.close();
  await replica?.server.close();
  if (browser) await removeProfile(browser.profileDir);
});

it('popup.html opened as a tab fills the page the user was on last', async () => {
  const setup = await PopupPage.open(browser);
  await setup.createPassword('popup-tab-password');
  const key = await addSeededAccount(setup.page, replica.server.url);
  await setup.page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
    ).chrome.storage.local.set({ settings: { autoFill: false } }),
  );
  await setup.page.close();

  const site = await KosmoSite.open(browser.context, 'v1');
  await site.login('user2');
  await site.page.getByTestId('badge').waitFor();
  await awayFromStepEdge(6);
  // As an acceptance check would: the popup in a tab of its own, no ?tab= parameter.
  const popup = await PopupPage.open(browser);
  await popup.byTestId('fill-page').click();
  await expect.poll(() => site.page.locator('#otp').inputValue()).toBe(oathtoolTotp(key));
});

/** Opens the popup for `tabId`, recording every reply it gets from the worker. */
async function popupRecording(tabId?: number) {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const g = globalThis as unknown as {
      chrome: { runtime: { sendMessage: (...args: unknown[]) => Promise<unknown> } };
      replies: { type: string; json: string }[];
    };
    g.replies = [];
    const send = g.chrome.runtime.sendMessage.bind(g.chrome.runtime);
    // Called with a callback or as a promise, depending on the caller: record either.
    g.chrome.runtime.sendMessage = (...args: unknown[]) => {
      const type = (args[0] as { type?: string } | undefined)?.type ?? '?';
      const record = (reply: unknown) => g.replies.push({ type, json: JSON.stringify(reply) });
      const last = args.at(-1);
      if (typeof last === 'function') {
        return send(...args.slice(0, -1), (reply: unknown) => {
          record(reply);
          (last as (reply: unknown) => void)(reply);
        });
      }
      return send(...args).then((reply) => {
        record(reply);
        return reply;
      });
    };
  });
  await page.goto(browser.url(tabId === undefined ? 'popup.html' : `popup.html?tab=${tabId}`));
  const replies = () =>
    page.evaluate(
      () => (globalThis as unknown as { replies: { type: string; json: string }[] }).replies,
    );
  return { popup: new PopupPage(page), replies };
}

async function tabIdOf(url: string): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(browser.url('manage.html'));
  const tabs = await page.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } };
      }
    ).chrome.tabs.query({}),
  );
  await page.close();
  return tabs.filter((t) => t.url?.startsWith(url)).at(-1)!.id;
}

it('the popup gets codes from the worker, never a key, and shows the right one', async () => {
  const state = await replicaHook<{ users: { username: string; devices: { secret: string }[] }[] }>(
    replica.server.url,
    '/__test/state',
  );
  const key = state.users.find((u) => u.username === 'user2')!.devices[0]!.secret;
  await awayFromStepEdge(8);
  const { popup, replies } = await popupRecording();
  await popup.accounts().first().waitFor();
  expect(await popup.code()).toBe(oathtoolTotp(key));
  const hex = Buffer.from(decodeBase32(key)).toString('hex');
  const got = await replies();
  expect(got.map((r) => r.type)).toContain('vault.snapshot');
  expect(got.find((r) => r.type === 'vault.snapshot')?.json).toMatch(/"current":"\d{6}"/);
  for (const { type, json } of got) {
    for (const spelling of [key, key.toLowerCase(), hex, hex.toUpperCase()])
      expect(json, type).not.toContain(spelling);
  }
  expect(await popup.page.content()).not.toContain(key);
  // The countdown runs on what the popup holds: no request per second.
  const snapshots = got.filter((r) => r.type === 'vault.snapshot').length;
  await popup.page.waitForTimeout(3000);
  expect((await replies()).filter((r) => r.type === 'vault.snapshot').length).toBe(snapshots);
  await popup.page.close();
});

it('on a KOSMO sibling host, an account bound elsewhere is not offered; others ask first', async () => {
  await replica.attach(browser.context, SIBLING);
  const setup = await PopupPage.open(browser);
  const other = await sendFromPage(setup.page, 'accounts.add', {
    uri: 'otpauth://totp/Shop:me?secret=GEZDGNBVGY3TQOJQ&issuer=Shop',
  });
  if (!other.ok) throw new Error(other.error.key);
  await sendFromPage(setup.page, 'accounts.bind', {
    id: other.value.id,
    origin: 'https://login.example.jp',
    bound: true,
  });
  await setup.page.close();
  await KosmoSite.open(browser.context, 'v1', '', SIBLING);
  const { popup } = await popupRecording(await tabIdOf(SIBLING));
  const row = (issuer: string) => popup.accounts().filter({ hasText: issuer });
  await row('Shop').waitFor();
  // The KOSMO account belongs to its own host: no link button on a sibling.
  expect(await row('KOSMO').getByTestId('account-bind').count()).toBe(0);
  // Bound to another site: the click asks, naming both hosts; cancel binds nothing.
  await row('Shop').getByTestId('account-bind').click();
  const question = popup.byTestId('bind-confirm-text');
  expect(await question.innerText()).toMatch(/login\.example\.jp[\s\S]*evil\.kosmo-web\.jp/);
  await popup.byTestId('bind-cancel').click();
  const sitesOf = async () => {
    const list = await sendFromPage(popup.page, 'accounts.list', undefined);
    return list.ok ? list.value.accounts.find((a) => a.issuer === 'Shop')?.sites : undefined;
  };
  expect(await sitesOf()).toEqual(['https://login.example.jp']);
  await row('Shop').getByTestId('account-bind').click();
  await popup.byTestId('bind-confirm').click();
  await expect.poll(sitesOf).toEqual(['https://login.example.jp', SIBLING]);
  await popup.page.close();
});
