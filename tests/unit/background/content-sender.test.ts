import { describe, expect, it } from 'vitest';
import { contentOrigin, isKosmoOrigin } from '../../../lib/background/content-sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

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
