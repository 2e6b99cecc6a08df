import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { commitImport } from '../../../lib/background/import-commit';
import { siteHandlers } from '../../../lib/background/site-handlers';
import { vaultHandlers } from '../../../lib/background/vault-handlers';
import { QR_IMAGE_FORMAT } from '../../../lib/import/qr-text';
import { sampleAccount, unlockedVault } from '../vault/helpers';

const KOSMO = 'https://densenkenpo.portal.kosmo-web.jp';
const SIBLING = 'https://other.kosmo-web.jp';
const OTHER = 'https://login.example.jp';
const REALM = '電線工業健康保険組合';
const TANAKA = sampleAccount({ issuer: REALM, name: 'tanaka', sites: [KOSMO], user: 'tanaka' });
const JIRO_KEY = 'MFRGGZDFMZTWQ2LK';
const jiroUri = (issuer = REALM) =>
  `otpauth://totp/${encodeURIComponent(issuer)}:jiro?secret=${JIRO_KEY}&issuer=${encodeURIComponent(issuer)}`;
const typed = (issuer: string) => ({
  data: sampleAccount({ issuer, name: 'jiro', secret: JIRO_KEY, sites: [] }),
});

describe('accounts added from the popup: bound at once where they belong', () => {
  let vault: Awaited<ReturnType<typeof unlockedVault>>['vault'];
  const add = (input: Parameters<ReturnType<typeof vaultHandlers>['accounts.add']>[0]) =>
    vaultHandlers(vault)['accounts.add'](input);

  beforeEach(async () => {
    fakeBrowser.reset();
    ({ vault } = await unlockedVault());
    await vault.addAccount(TANAKA);
  });

  it.each([
    [
      'a typed key, with the popup on a KOSMO page: to that page, trusted',
      { ...typed('X'), site: KOSMO },
      [KOSMO],
      [KOSMO],
    ],
    [
      'a pasted URI, with the popup on a KOSMO page',
      { uri: jiroUri('X'), site: SIBLING },
      [SIBLING],
      [SIBLING],
    ],
    [
      'a URI of the issuer bound to KOSMO: to that host, not trusted',
      { uri: jiroUri() },
      [KOSMO],
      undefined,
    ],
    ['a URI of another issuer: nowhere', { uri: jiroUri('GitHub') }, [], undefined],
    [
      'a typed key of that issuer, not on KOSMO: nowhere (asked at login)',
      typed(REALM),
      [],
      undefined,
    ],
    ['with the popup on another site: nowhere', { ...typed('X'), site: OTHER }, [], undefined],
  ])('%s', async (_, input, sites, trusted) => {
    const view = await add(input);
    expect(view.sites).toEqual(sites);
    const stored = await vault.findBySecret(JIRO_KEY);
    expect(stored?.sites).toEqual(sites);
    expect(stored?.trustedSites).toEqual(trusted);
  });
});

describe('imports from QR codes and URIs', () => {
  it.each([
    ['a QR code', QR_IMAGE_FORMAT, [KOSMO]],
    ['pasted URIs', 'otpauth-text', [KOSMO]],
    ['another app’s file', 'aegis', []],
  ])('of the issuer bound to KOSMO: %s', async (_, format, sites) => {
    const { vault } = await unlockedVault();
    await vault.addAccount(TANAKA);
    const jiro = sampleAccount({ issuer: REALM, name: 'jiro', secret: JIRO_KEY, sites: [] });
    const { added, outcomes } = await commitImport(vault, {
      format,
      accounts: [jiro],
      skipped: [],
    });
    expect(added[0]?.sites).toEqual(sites);
    expect(added[0]?.trustedSites).toBeUndefined();
    // The result says where it went.
    expect(outcomes[0]).toEqual({
      kind: 'added',
      title: `${REALM} (jiro)`,
      ...(sites.length ? { site: KOSMO } : {}),
    });
  });
});

describe('「このページに入力」 on a page none is bound to', () => {
  it('offers the accounts to choose, then binds the chosen one for the page’s user', async () => {
    fakeBrowser.reset();
    const { vault } = await unlockedVault();
    await vault.addAccount(TANAKA);
    const jiro = await vault.addAccount(
      sampleAccount({ issuer: REALM, name: 'jiro', secret: JIRO_KEY, sites: [] }),
    );
    await vault.addAccount(
      sampleAccount({ issuer: 'X', secret: 'KRUGS4ZANFZSAYJA', sites: [OTHER] }),
    );
    const tab = await fakeBrowser.tabs.create({
      url: `${KOSMO}/realms/x/login-actions`,
      active: true,
    });
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage') as unknown as MockInstance<
      (tabId: number, message: unknown, options: unknown) => Promise<unknown>
    >;
    const handlers = siteHandlers(vault);
    // The page's content script: an OTP field, nothing of jiro's bound here.
    send.mockResolvedValue({ choose: true, user: 'jiro' });
    expect(await handlers['fill.page']({ tabId: tab.id! })).toEqual({
      choose: { origin: KOSMO, user: 'jiro', ids: [jiro.id] },
    });
    await handlers['accounts.bind']({ id: jiro.id, origin: KOSMO, bound: true, user: 'jiro' });
    expect(await vault.findBySecret(JIRO_KEY)).toMatchObject({
      sites: [KOSMO],
      trustedSites: [KOSMO],
      user: 'jiro',
    });
    // A reply that is not the content script's shape is nothing to choose.
    send.mockResolvedValue({ choose: 'yes', user: 3 });
    expect(await handlers['fill.page']({ tabId: tab.id! })).toBe('nothing');
  });
});
