import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { siteHandlers, targetTab } from '../../../lib/background/site-handlers';
import { isFillNow } from '../../../lib/messaging';
import { enabledSitesItem } from '../../../lib/storage';
import type { Vault } from '../../../lib/vault/vault';

const KOSMO = 'https://densenkenpo.portal.kosmo-web.jp';
const SITE = 'https://login.example.com';

describe('the page behind the popup', () => {
  // These requests never reach the vault.
  const handlers = siteHandlers({} as Vault);

  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  async function openTab(url: string) {
    const tab = await fakeBrowser.tabs.create({ url, active: true });
    return tab.id!;
  }

  it("skips the popup's own tab and acts on the page the user was on last", async () => {
    const tab = (id: number, url: string, lastAccessed: number) =>
      ({ id, url, lastAccessed }) as Browser.tabs.Tab;
    const popup = tab(3, fakeBrowser.runtime.getURL('/popup.html'), 30);
    const tabs = [tab(1, `${SITE}/old`, 10), tab(2, `${SITE}/login`, 20), popup];
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (query) =>
      query.active ? [popup] : tabs,
    );
    expect((await targetTab())?.id).toBe(2);
  });

  it('says whether the extension works on the page: KOSMO always, other sites once allowed', async () => {
    const kosmo = await openTab(`${KOSMO}/realms/x`);
    const site = await openTab(`${SITE}/login`);
    expect(await handlers['sites.page']({ tabId: kosmo })).toEqual({
      origin: KOSMO,
      kosmo: true,
      enabled: true,
      setup: false,
    });
    expect(await handlers['sites.page']({ tabId: site })).toEqual({
      origin: SITE,
      kosmo: false,
      enabled: false,
      setup: false,
    });
    await enabledSitesItem.setValue([SITE]);
    await expect(handlers['sites.page']({ tabId: site })).resolves.toMatchObject({ enabled: true });
  });

  it("sends fill.now to the page's top frame and reports what its content script did", async () => {
    const tabId = await openTab(`${KOSMO}/realms/x`);
    // The fake browser has no content scripts: this stands in for the page's answer.
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage') as unknown as MockInstance<
      (tabId: number, message: unknown, options: unknown) => Promise<unknown>
    >;
    send.mockResolvedValue(true);
    expect(await handlers['fill.page']({ tabId })).toBe('filled');
    expect(send).toHaveBeenCalledWith(tabId, { type: 'fill.now' }, { frameId: 0 });
    expect(isFillNow(send.mock.calls[0]![1])).toBe(true);

    send.mockResolvedValue(false);
    expect(await handlers['fill.page']({ tabId })).toBe('nothing');
    // No content script on the page: the browser rejects, the popup hears "nothing".
    send.mockRejectedValue(new Error('Receiving end does not exist'));
    expect(await handlers['fill.page']({ tabId })).toBe('nothing');
  });
});
