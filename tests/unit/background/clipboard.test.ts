import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clipboardHandlers } from '../../../lib/background/clipboard';
import { isClearRequest } from '../../../lib/messaging';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { settingsItem } from '../../../lib/storage';

describe('clearing a copied code', () => {
  const copied = clipboardHandlers()['clipboard.copied'];
  let sent: unknown[];
  let granted: boolean;

  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    granted = true;
    // The optional clipboardRead, as the user left it.
    Object.assign(fakeBrowser.permissions, {
      contains: vi.fn(async ({ permissions }: { permissions?: string[] }) =>
        Boolean(granted && permissions?.every((p) => p === 'clipboardRead')),
      ),
    });
    // The offscreen document is already open (the fake browser has no offscreen API).
    Object.assign(fakeBrowser.runtime, {
      ContextType: { OFFSCREEN_DOCUMENT: 'OFFSCREEN_DOCUMENT' },
      getContexts: vi.fn(async () => [{}]),
    });
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => void sent.push(message));
  });

  it('asks the offscreen document to clear it after the set seconds', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, clipboardSeconds: 10 });
    expect(await copied({ code: '123456' })).toBeNull();
    expect(sent).toEqual([
      { target: 'offscreen', type: 'clipboard.clear-after', code: '123456', delayMs: 10_000 },
    ]);
    expect(isClearRequest(sent[0])).toBe(true);
  });

  it('does nothing when clearing is off, or for anything but a code', async () => {
    expect(await copied({ code: 'not a code' })).toBeNull();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, clipboardSeconds: 0 });
    expect(await copied({ code: '123456' })).toBeNull();
    expect(sent).toEqual([]);
  });

  it('never clears without clipboardRead: it could not tell the code from a later copy', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, clipboardSeconds: 10 });
    granted = false;
    expect(await copied({ code: '123456' })).toBeNull();
    expect(sent).toEqual([]);
  });
});
