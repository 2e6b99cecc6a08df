import { describe, expect, it } from 'vitest';
import { isExtensionPage } from '../../../lib/background/sender';

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
