import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  contentOrigin,
  isAllowedOrigin,
  isExtensionPage,
  isKosmoOrigin,
  verifyContent,
} from '../../../lib/background/senders';
import { enabledSitesItem } from '../../../lib/storage';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('isExtensionPage', () => {
  it.each([
    ['the popup', { id: ID, url: `chrome-extension://${ID}/popup.html` }, true],
    ['the popup opened in a tab', { id: ID, url: `chrome-extension://${ID}/popup.html#x` }, true],
    [
      'a content script on KOSMO',
      { id: ID, url: 'https://densenkenpo.portal.kosmo-web.jp/' },
      false,
    ],
    [
      'another extension',
      { id: 'x'.repeat(32), url: `chrome-extension://${'x'.repeat(32)}/a.html` },
      false,
    ],
    [
      'a page claiming our id in the path',
      { id: ID, url: `https://evil.example/${ID}/popup.html` },
      false,
    ],
    ['no url', { id: ID }, false],
    ['a broken url', { id: ID, url: 'not a url' }, false],
  ])('%s → %s', (_name, sender, expected) => {
    expect(isExtensionPage(sender, ID)).toBe(expected);
  });
});

describe('isKosmoOrigin', () => {
  it.each([
    ['https://densenkenpo.portal.kosmo-web.jp', true],
    ['https://other-union.kosmo-web.jp', true],
    ['https://kosmo-web.jp', true],
    ['http://densenkenpo.portal.kosmo-web.jp', false],
    ['https://densenkenpo.portal.kosmo-web.jp.example.com', false],
    ['https://densenkenpo.portal.kosmo-web.jp:8443', false],
    ['https://evilkosmo-web.jp', false],
    ['https://densenkenpo.portal.kоsmo-web.jp', false], // Cyrillic о: punycode host
    ['https://densenkenpo.portal.kosmo-web.jp@evil.example', false],
    ['not a url', false],
  ])('%s → %s', (origin, expected) => {
    expect(isKosmoOrigin(origin)).toBe(expected);
  });
});

describe('contentOrigin', () => {
  const tab = { id: 7, url: 'https://densenkenpo.portal.kosmo-web.jp/realms/x' };
  const ok = {
    id: ID,
    url: tab.url,
    origin: 'https://densenkenpo.portal.kosmo-web.jp',
    documentLifecycle: 'active',
    tab,
    frameId: 0,
  };
  it('gives the origin of our content script in a top frame', () => {
    expect(contentOrigin(ok, ID)).toBe('https://densenkenpo.portal.kosmo-web.jp');
  });
  it('takes sender.origin, not sender.url, when they disagree', () => {
    const other = { ...ok, url: 'https://evil.example/', origin: ok.origin };
    expect(contentOrigin(other, ID)).toBe(ok.origin);
    const lying = { ...ok, origin: 'https://evil.example' };
    expect(contentOrigin(lying, ID)).toBe('https://evil.example');
  });
  it.each([
    ['an iframe', { ...ok, frameId: 3 }],
    ['another extension', { ...ok, id: 'x'.repeat(32) }],
    [
      'an extension page (no tab)',
      { id: ID, url: `chrome-extension://${ID}/popup.html`, frameId: 0 },
    ],
    ['an opaque origin (data: URL)', { ...ok, url: 'data:text/html,x', origin: 'null' }],
    ['a CSP-sandboxed document on the bound URL', { ...ok, origin: 'null' }],
    ['a missing origin', { ...ok, origin: undefined }],
    ['a prerendered document', { ...ok, documentLifecycle: 'prerender' }],
    ['a document in the back/forward cache', { ...ok, documentLifecycle: 'cached' }],
    ['a missing documentLifecycle', { ...ok, documentLifecycle: undefined }],
    ['a trailing-dot host', { ...ok, origin: 'https://densenkenpo.portal.kosmo-web.jp.' }],
    ['a non-canonical origin', { ...ok, origin: 'https://densenkenpo.portal.kosmo-web.jp/' }],
    ['a file: document', { ...ok, origin: 'file://' }],
  ])('refuses %s', (_name, sender) => {
    expect(contentOrigin(sender, ID)).toBeNull();
  });
});

describe('verifyContent with the KOSMO rule: the origin check table', () => {
  const tab = { id: 7, url: 'https://densenkenpo.portal.kosmo-web.jp/' };
  const from = (origin: string | undefined, extra: Record<string, unknown> = {}) => ({
    id: ID,
    url: tab.url,
    origin,
    documentLifecycle: 'active',
    tab,
    frameId: 0,
    ...extra,
  });
  it.each([
    ['the bound origin', from('https://densenkenpo.portal.kosmo-web.jp'), true],
    ['opaque ("null")', from('null'), false],
    [
      'prerender',
      from('https://densenkenpo.portal.kosmo-web.jp', { documentLifecycle: 'prerender' }),
      false,
    ],
    ['http', from('http://densenkenpo.portal.kosmo-web.jp'), false],
    ['a port', from('https://densenkenpo.portal.kosmo-web.jp:8443'), false],
    ['the default port spelt out', from('https://densenkenpo.portal.kosmo-web.jp:443'), false],
    ['a trailing dot', from('https://densenkenpo.portal.kosmo-web.jp.'), false],
    ['a punycode lookalike', from('https://densenkenpo.portal.xn--ksmo-web-3of.jp'), false],
    ['a lookalike suffix', from('https://densenkenpo.portal.kosmo-web.jp.example.com'), false],
    ['url says KOSMO, origin says elsewhere', from('https://evil.example'), false],
    [
      'url elsewhere, origin KOSMO (origin wins)',
      from('https://densenkenpo.portal.kosmo-web.jp', { url: 'about:blank' }),
      true,
    ],
    ['a missing origin', from(undefined), false],
  ])('%s', async (_name, sender, expected) => {
    const verified = verifyContent(sender, ID, isKosmoOrigin).then(
      () => true,
      () => false,
    );
    expect(await verified).toBe(expected);
  });
});

describe('isAllowedOrigin', () => {
  beforeEach(() => fakeBrowser.reset());

  it('allows KOSMO always and other sites only once the user enabled them', async () => {
    expect(await isAllowedOrigin('https://densenkenpo.portal.kosmo-web.jp')).toBe(true);
    expect(await isAllowedOrigin('https://login.example.com')).toBe(false);
    await enabledSitesItem.setValue(['https://login.example.com']);
    expect(await isAllowedOrigin('https://login.example.com')).toBe(true);
    expect(await isAllowedOrigin('https://other.example.com')).toBe(false);
  });
});
