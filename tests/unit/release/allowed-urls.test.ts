import { describe, expect, it } from 'vitest';
import { disallowedUrls } from '../../../scripts/release/allowed-urls';

describe('the release check’s URL allow-list', () => {
  it.each([
    ['zxing-wasm’s CDN', 'return `https://fastly.jsdelivr.net/npm/zxing-wasm@3.1.4/dist/${n}`'],
    ['a look-alike of KOSMO', 'fetch("https://densenkenpo.kosmo-web.jp.example.net/")'],
    ['a URL shortener', 'Please visit https://tinyurl.com/y2uuvskb'],
    ['plain http to KOSMO', 'http://densenkenpo.portal.kosmo-web.jp/'],
  ])('refuses %s', (_, text) => {
    expect(disallowedUrls(text)).toHaveLength(1);
  });

  it.each([
    ['KOSMO Web', 'fetch("https://densenkenpo.portal.kosmo-web.jp/", { method: "HEAD" })'],
    ['an XML namespace', 'createElementNS("http://www.w3.org/2000/svg", "svg")'],
    ['the XHTML namespace (Preact)', 'n=="http://www.w3.org/1999/xhtml"'],
    ['a scheme with no host', 'the address starts with https:// or http://'],
    ['React’s error page', '"https://react.dev/errors/"+e'],
  ])('allows %s', (_, text) => {
    expect(disallowedUrls(text)).toEqual([]);
  });

  it('allows the manifest’s match patterns only where the caller says so', () => {
    expect(disallowedUrls('"https://*/*"')).toEqual(['https://*/*']);
    expect(disallowedUrls('"https://*/*"', ['https://*/*'])).toEqual([]);
  });
});
