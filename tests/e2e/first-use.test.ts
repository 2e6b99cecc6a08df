import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KOSMO_ORIGIN, KosmoSite, replicaHook, startReplica } from './support/kosmo-site';
import { sendFromPage } from './support/messages';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { domText } from './support/page-dom';
import { PopupPage } from './support/popup-page';

const REALM = '電線工業健康保険組合';
const HOST = new URL(KOSMO_ORIGIN).host;
/** Each person's key, as KOSMO's setup page would show it (Base32 of 20 bytes). */
const KEYS = {
  tanaka: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  jiro: 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK',
  hanako: 'KRUGS4ZANFZSAYJAKRUGS4ZANFZSAYJA',
  shiro: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  saburo: 'ONSWG4TFORZWK3DJONSWG4TFORZWK3DJ',
};
type User = keyof typeof KEYS;
const step = (ms: number) => Math.floor(ms / 30_000);

// The replica refuses a code of a step already used, as Keycloak does by default.
describe.each(['v1', 'v2'] as const)('first use and several people, theme %s', (theme) => {
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let browser: ExtensionBrowser;
  let popup: PopupPage;
  const usedStep = new Map<User, number>();

  beforeAll(async () => {
    replica = await startReplica({ codeReusable: false, theme });
    for (const [user, secret] of Object.entries(KEYS)) {
      await replicaHook(replica.server.url, '/__test/device', { user, label: 'PC', secret });
    }
    browser = await launchWithExtension();
    await replica.attach(browser.context);
    popup = await PopupPage.open(browser);
    await popup.createPassword('first-use-password');
    // Typed into 「＋ 追加」 with no KOSMO page behind the popup: bound nowhere.
    for (const user of ['tanaka', 'jiro', 'hanako'] as const) {
      await popup.addByKey({ issuer: REALM, name: user, secret: KEYS[user] });
    }
    const list = await sendFromPage(popup.page, 'accounts.list', undefined);
    if (!list.ok) throw new Error('no list');
    expect(list.value.accounts.map((a) => a.sites)).toEqual([[], [], []]);
  });

  afterAll(async () => {
    await browser?.close();
    await replica?.server.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  /** Signs `user` in up to the OTP page, in a step their device has not used yet. */
  async function login(user: User): Promise<KosmoSite> {
    const used = usedStep.get(user);
    while (used !== undefined && step(Date.now()) <= used) await sleep(500);
    await awayFromStepEdge(10);
    const site = await KosmoSite.open(browser.context, theme);
    await site.login(user);
    await site.page.locator('#otp').waitFor();
    return site;
  }

  /** Presses 「ログイン」 as the user would; the replica accepts only the right, fresh code. */
  async function submit(site: KosmoSite, user: User): Promise<void> {
    usedStep.set(user, step(Date.now()));
    await site.page.locator('#kc-login').click();
    await expect.poll(() => site.signedIn().count()).toBe(1);
    await site.page.close();
  }

  const otpOf = (site: KosmoSite) => () => site.page.locator('#otp').inputValue();

  it('offers a typed-in account on the login page; a real click binds, fills and says so', async () => {
    const site = await login('tanaka');
    const choose = site.page.getByTestId('badge-choose');
    await choose.waitFor({ timeout: 10_000 });
    expect(await site.page.locator('#otp').inputValue()).toBe('');
    await choose.click();
    const choices = site.page.getByTestId('badge-choice');
    await choices.first().waitFor();
    // tanaka's own account first (its name is the page's user name).
    expect(await choices.first().innerText()).toContain('tanaka');
    expect(await choices.first().innerText()).toContain(REALM);
    await choices.filter({ hasText: 'tanaka' }).click();
    await expect.poll(otpOf(site)).toBe(oathtoolTotp(KEYS.tanaka));
    expect(await site.page.getByTestId('badge').innerText()).toContain(HOST);
    await submit(site, 'tanaka');
  });

  it('never gives jiro tanaka’s code: jiro chooses his own, and only unbound ones are offered', async () => {
    const site = await login('jiro');
    await site.page.getByTestId('badge-choose').click({ timeout: 10_000 });
    const choices = site.page.getByTestId('badge-choice');
    await choices.first().waitFor();
    const offered = await choices.allInnerTexts();
    expect(offered.join(' ')).not.toContain('tanaka');
    expect(offered[0]).toContain('jiro');
    expect(await domText(site.page)).not.toContain(oathtoolTotp(KEYS.tanaka));
    await choices.filter({ hasText: 'jiro' }).click();
    await expect.poll(otpOf(site)).toBe(oathtoolTotp(KEYS.jiro));
    await submit(site, 'jiro');
  });

  it('「このページに入力」 lets the user choose in the popup when nothing here is theirs', async () => {
    const site = await login('hanako');
    await site.page.getByTestId('badge-choose').waitFor({ timeout: 10_000 });
    const control = await browser.context.newPage();
    await control.goto(browser.url(`popup.html?tab=${await tabIdOf(site)}`));
    await control.getByTestId('fill-page').click();
    const choices = control.getByTestId('fill-choice');
    await choices.first().waitFor();
    // Only the account bound nowhere: tanaka's and jiro's are theirs.
    expect(await choices.allInnerTexts()).toEqual([expect.stringContaining('hanako')]);
    await choices.first().click();
    await expect.poll(otpOf(site)).toBe(oathtoolTotp(KEYS.hanako));
    expect(await control.getByTestId('fill-result').innerText()).toContain(HOST);
    await control.close();
    await submit(site, 'hanako');
  });

  it('binds a key typed with the popup on a KOSMO page to that page at once', async () => {
    const site = await KosmoSite.open(browser.context, theme);
    const control = new PopupPage(await browser.context.newPage());
    await control.page.goto(browser.url(`popup.html?tab=${await tabIdOf(site)}`));
    await control.byTestId('fill-page').waitFor();
    await control.addByKey({ issuer: REALM, name: 'shiro', secret: KEYS.shiro });
    expect(await control.byTestId('add-result').innerText()).toContain(HOST);
    await control.page.close();
    await site.page.close();
    const login2 = await login('shiro');
    await expect.poll(otpOf(login2), { timeout: 5000 }).toBe(oathtoolTotp(KEYS.shiro));
    await submit(login2, 'shiro');
  });

  it('fills by itself at the next login: each person their own code, accepted', async () => {
    for (const user of ['tanaka', 'jiro'] as const) {
      const site = await login(user);
      await expect.poll(otpOf(site), { timeout: 5000 }).toBe(oathtoolTotp(KEYS[user]));
      expect(await site.page.getByTestId('badge-choose').count()).toBe(0);
      await submit(site, user);
    }
  });

  it('takes the user name typed on the login page when the OTP page shows none', async () => {
    await replicaHook(replica.server.url, '/__test/options', { otpShowsUsername: false });
    try {
      const site = await login('jiro');
      expect(await site.page.locator('#kc-attempted-username').count()).toBe(0);
      await expect.poll(otpOf(site), { timeout: 5000 }).toBe(oathtoolTotp(KEYS.jiro));
      await submit(site, 'jiro');
    } finally {
      await replicaHook(replica.server.url, '/__test/options', { otpShowsUsername: true });
    }
  });

  it('gives a third, unknown person no code, and says so', async () => {
    const site = await login('saburo');
    const badge = site.page.getByTestId('badge');
    await expect.poll(() => badge.innerText(), { timeout: 10_000 }).toContain('saburo');
    await site.page.waitForTimeout(1000);
    expect(await site.page.locator('#otp').inputValue()).toBe('');
    expect(await site.page.getByTestId('badge-choose').count()).toBe(0);
    const text = await domText(site.page);
    for (const user of ['tanaka', 'jiro', 'hanako', 'shiro'] as const) {
      expect(text).not.toContain(oathtoolTotp(KEYS[user]));
    }
    await site.page.close();
  });

  /** The browser's id of the tab showing `site` (the popup acts on `popup.html?tab=N`). */
  async function tabIdOf(site: KosmoSite): Promise<number> {
    const tabs = await popup.page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } };
        }
      ).chrome.tabs.query({}),
    );
    const tab = tabs.find((t) => t.url === site.page.url());
    if (!tab) throw new Error('tab not found');
    return tab.id;
  }
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
