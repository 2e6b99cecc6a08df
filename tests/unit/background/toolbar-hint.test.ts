import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  isSetupHintShown,
  SETUP_BADGE,
  startToolbarHint,
  toolbarHintHandlers,
} from '../../../lib/background/toolbar-hint';

const ORIGIN = 'https://densenkenpo.portal.kosmo-web.jp';

describe('the toolbar hint on a setup page', () => {
  const handlers = toolbarHintHandlers();

  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser has no _locales: a message is its key.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
  });

  async function openTab(url: string) {
    const tab = await fakeBrowser.tabs.create({ url, active: true });
    return { id: tab.id!, index: tab.index };
  }

  it('puts the badge on the tab whose content script says so, and on no other tab', async () => {
    const setup = await openTab(`${ORIGIN}/realms/x/login-actions/required-action`);
    const other = await openTab(`${ORIGIN}/`);
    await handlers['enroll.page']({ setup: true }, { origin: ORIGIN, tab: setup });
    expect(await fakeBrowser.action.getBadgeText({ tabId: setup.id })).toBe(SETUP_BADGE);
    expect(await fakeBrowser.action.getTitle({ tabId: setup.id })).toBe('toolbar_setup_hint');
    expect(await isSetupHintShown(setup.id)).toBe(true);
    expect(await isSetupHintShown(other.id)).toBe(false);
    expect(await isSetupHintShown(undefined)).toBe(false);

    await handlers['enroll.page']({ setup: false }, { origin: ORIGIN, tab: setup });
    expect(await fakeBrowser.action.getBadgeText({ tabId: setup.id })).toBe('');
    expect(await fakeBrowser.action.getTitle({ tabId: setup.id })).toBe('extName');
    expect(await isSetupHintShown(setup.id)).toBe(false);
  });

  it('takes the badge off when the tab starts loading another page', async () => {
    startToolbarHint();
    const tab = await openTab(`${ORIGIN}/realms/x/login-actions/required-action`);
    await handlers['enroll.page']({ setup: true }, { origin: ORIGIN, tab });
    // Other updates (a title, a favicon) leave it.
    await fakeBrowser.tabs.onUpdated.trigger(
      tab.id,
      { title: 'x' },
      await fakeBrowser.tabs.get(tab.id),
    );
    expect(await isSetupHintShown(tab.id)).toBe(true);
    await fakeBrowser.tabs.onUpdated.trigger(
      tab.id,
      { status: 'loading' },
      await fakeBrowser.tabs.get(tab.id),
    );
    await expect.poll(() => isSetupHintShown(tab.id)).toBe(false);
  });
});
