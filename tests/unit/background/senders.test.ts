import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  contentOrigin,
  isAllowedOrigin,
  isExtensionPage,
  isKosmoOrigin,
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
  const ok = { id: ID, url: tab.url, tab, frameId: 0 };
  it('gives the origin of our content script in a top frame', () => {
    expect(contentOrigin(ok, ID)).toBe('https://densenkenpo.portal.kosmo-web.jp');
  });
  it.each([
    ['an iframe', { ...ok, frameId: 3 }],
    ['another extension', { ...ok, id: 'x'.repeat(32) }],
    [
      'an extension page (no tab)',
      { id: ID, url: `chrome-extension://${ID}/popup.html`, frameId: 0 },
    ],
    ['an opaque origin', { ...ok, url: 'data:text/html,x' }],
  ])('refuses %s', (_name, sender) => {
    expect(contentOrigin(sender, ID)).toBeNull();
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
