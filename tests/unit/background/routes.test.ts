import { describe, expect, it, vi } from 'vitest';
import { ForbiddenSenderError } from '../../../lib/background/errors';
import {
  createResponder,
  forContent,
  forOverlay,
  forPages,
  type ContentHandlers,
} from '../../../lib/background/routes';
import type { ContentSender } from '../../../lib/background/senders';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const KOSMO = 'https://densenkenpo.portal.kosmo-web.jp';
const PAGE = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const tab = { id: 7, url: `${KOSMO}/realms/x`, index: 2 };
const CONTENT = {
  id: ID,
  url: tab.url,
  origin: KOSMO,
  documentLifecycle: 'active',
  tab,
  frameId: 0,
};

function setup() {
  const seen: ContentSender[] = [];
  const isAllowed = vi.fn(async (origin: string) => origin === KOSMO);
  const touch = vi.fn(async () => {});
  const content = {
    'otp.codes': async (_data, from) => {
      seen.push(from);
      return { vault: 'locked' as const };
    },
    'enroll.device': async () => {
      throw new ForbiddenSenderError();
    },
    'ui.open-unlock': async () => {
      throw new Error('secret text that must not cross');
    },
  } satisfies ContentHandlers;
  const region = {
    'scan.region': async (_data, from) => {
      seen.push(from);
      return [];
    },
  } satisfies ContentHandlers;
  const routes = {
    ...forPages({ 'vault.status': async () => 'locked' as const }),
    ...forContent(content),
    ...forOverlay(region),
  };
  const respond = createResponder(routes, { extensionId: ID, isAllowed, touch });
  return { respond, seen, isAllowed, touch };
}

const REGION = { rect: { x: 0, y: 0, width: 10, height: 10 }, viewportWidth: 100 };

describe('the request registry: one sender check per audience', () => {
  it('answers a page request from an extension page and counts it as activity', async () => {
    const { respond, touch } = setup();
    expect(await respond('vault.status', { data: undefined, sender: PAGE })).toEqual({
      ok: true,
      value: 'locked',
    });
    expect(touch).toHaveBeenCalledOnce();
  });

  it('refuses a page request from a content script', async () => {
    const { respond, touch } = setup();
    const reply = await respond('vault.status', { data: undefined, sender: CONTENT });
    expect(reply).toEqual({ ok: false, error: { key: 'error_forbidden' } });
    expect(touch).not.toHaveBeenCalled();
  });

  it('verifies a content script once and hands its origin and tab to the handler', async () => {
    const { respond, seen, isAllowed } = setup();
    const reply = await respond('otp.codes', { data: undefined, sender: CONTENT });
    expect(reply).toEqual({ ok: true, value: { vault: 'locked' } });
    expect(isAllowed).toHaveBeenCalledOnce();
    expect(seen).toEqual([{ origin: KOSMO, tab }]);
  });

  it.each([
    ['an extension page', PAGE],
    ['an iframe', { ...CONTENT, frameId: 3 }],
    ['another extension', { ...CONTENT, id: 'x'.repeat(32) }],
    [
      'a site the user did not allow',
      { ...CONTENT, url: 'https://evil.example/', origin: 'https://evil.example' },
    ],
    ['a sender without a tab', { id: ID, url: tab.url, frameId: 0 }],
  ])('refuses a content request from %s before its handler runs', async (_name, sender) => {
    const { respond, seen } = setup();
    const reply = await respond('otp.codes', { data: undefined, sender });
    expect(reply).toEqual({ ok: false, error: { key: 'error_forbidden' } });
    expect(seen).toEqual([]);
  });

  it('lets the overlay ask from any site, but only from a top frame of a tab', async () => {
    const { respond, seen } = setup();
    const anySite = {
      ...CONTENT,
      url: 'https://elsewhere.example/qr',
      origin: 'https://elsewhere.example',
    };
    expect(await respond('scan.region', { data: REGION, sender: anySite })).toEqual({
      ok: true,
      value: [],
    });
    expect(seen.map((from) => from.origin)).toEqual(['https://elsewhere.example']);
    const framed = await respond('scan.region', {
      data: REGION,
      sender: { ...anySite, frameId: 1 },
    });
    expect(framed).toEqual({ ok: false, error: { key: 'error_forbidden' } });
  });

  it('turns a handler refusal into error_forbidden and hides any other error text', async () => {
    const { respond } = setup();
    const data = { ref: 'x', label: 'y' };
    expect(await respond('enroll.device', { data, sender: CONTENT })).toEqual({
      ok: false,
      error: { key: 'error_forbidden' },
    });
    expect(await respond('ui.open-unlock', { data: undefined, sender: CONTENT })).toEqual({
      ok: false,
      error: { key: 'error_unexpected' },
    });
  });

  it('refuses a request that has no route', async () => {
    const { respond } = setup();
    const reply = await respond('vault.lock', { data: undefined, sender: PAGE });
    expect(reply).toEqual({ ok: false, error: { key: 'error_forbidden' } });
  });
});
