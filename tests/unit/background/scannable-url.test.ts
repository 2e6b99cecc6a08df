import { describe, expect, it } from 'vitest';
import { isScannableUrl } from '../../../lib/background/scan-handlers';

describe('isScannableUrl', () => {
  it.each([
    ['https://densenkenpo.portal.kosmo-web.jp/realms/x', true],
    ['http://intranet.example/login', true],
    ['chrome://settings', false],
    ['edge://extensions', false],
    ['chrome-extension://abc/popup.html', false],
    ['about:blank', false],
    ['https://chromewebstore.google.com/detail/x', false],
    ['https://chrome.google.com/webstore/detail/x', false],
    ['https://microsoftedge.microsoft.com/addons/detail/x', false],
    ['https://example.com/manual.pdf', false],
    ['file:///home/me/qr.png', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isScannableUrl(url)).toBe(expected);
  });
});
