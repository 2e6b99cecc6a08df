// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startContent } from '../../../lib/content/start-content';
import { trackPageListeners } from './page-listeners';

type Listener = (message: unknown, sender: { id?: string; tab?: object }) => unknown;

// The extension APIs the content script touches, on WXT's fake browser: what it adds is counted.
const runtime = { listeners: new Set<Listener>(), ports: [] as { disconnected: boolean }[] };

function stubRuntime() {
  fakeBrowser.reset();
  runtime.listeners.clear();
  runtime.ports.length = 0;
  Object.assign(fakeBrowser.runtime, {
    id: 'extension-id',
    connect: () => {
      const port = {
        disconnected: false,
        onMessage: { addListener: () => {} },
        disconnect: () => void (port.disconnected = true),
      };
      runtime.ports.push(port);
      return port;
    },
  });
  Object.assign(fakeBrowser.runtime.onMessage, {
    addListener: (l: Listener) => runtime.listeners.add(l),
    removeListener: (l: Listener) => runtime.listeners.delete(l),
  });
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string) => (key === '@@ui_locale' ? 'ja' : key),
  });
}

vi.mock('../../../lib/messaging', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/messaging')>()),
  sendMessage: vi.fn(async (type: string) =>
    type === 'otp.codes' ? { ok: true, value: { vault: 'locked' } } : { ok: true, value: null },
  ),
}));

/**
 * WXT's context as far as the starter uses it (the real class needs WXT's Vitest plugin): an
 * AbortController, aborted when the extension is updated or reloaded.
 */
function fakeContext() {
  const controller = new AbortController();
  const ctx: Pick<ContentScriptContext, 'onInvalidated'> = {
    onInvalidated: (cb) => {
      controller.signal.addEventListener('abort', cb);
      return () => controller.signal.removeEventListener('abort', cb);
    },
  };
  return { ctx, notifyInvalidated: () => controller.abort() };
}

const OTP_PAGE = `<form id="kc-otp-login-form" method="post" action="/x">
  <input id="otp" name="otp" type="text" autocomplete="one-time-code">
  <button type="submit" id="kc-login" name="login">ログイン</button></form>`;

describe('the content script', () => {
  beforeEach(() => {
    stubRuntime();
    vi.useFakeTimers();
    document.body.innerHTML = OTP_PAGE;
  });
  afterEach(() => {
    vi.useRealTimers();
    document.documentElement.innerHTML = '<head></head><body></body>';
  });

  it('takes back everything it added when WXT invalidates its context', async () => {
    const before = document.documentElement.outerHTML;
    const listeners = trackPageListeners();
    try {
      const { ctx, notifyInvalidated } = fakeContext();
      startContent(ctx, { generic: false });
      await vi.advanceTimersByTimeAsync(0);
      expect(document.querySelector('pc-authenticator-badge')).not.toBeNull();
      expect(runtime.listeners.size).toBe(1);
      expect(runtime.ports.map((p) => p.disconnected)).toEqual([false]);
      // fill.now is answered for the extension's own pages and worker only, not for other tabs.
      const [onFillNow] = runtime.listeners;
      expect(onFillNow!({ type: 'fill.now' }, { id: 'extension-id', tab: {} })).toBeUndefined();
      await expect(onFillNow!({ type: 'fill.now' }, { id: 'extension-id' })).resolves.toBe(false);

      notifyInvalidated();
      expect(document.documentElement.outerHTML).toBe(before);
      expect(listeners.active()).toEqual([]);
      expect(runtime.listeners.size).toBe(0);
      expect(runtime.ports.map((p) => p.disconnected)).toEqual([true]);
    } finally {
      listeners.restore();
    }
  });
});
