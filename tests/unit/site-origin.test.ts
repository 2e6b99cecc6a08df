import { describe, expect, it } from 'vitest';
import { originFromInput, strictOrigin } from '../../lib/site-origin';

describe('site origins', () => {
  it.each([
    ['https://example.com', 'https://example.com'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['https://example.com:8443', 'https://example.com:8443'],
    ['https://example.com/', null],
    ['https://EXAMPLE.com', null],
    ['https://example.com:443', null],
    ['javascript:alert(1)', null],
    ['https://kosmo', null],
    [42, null],
  ])('strict %j → %j', (value, expected) => {
    expect(strictOrigin(value)).toBe(expected);
  });

  it.each([
    ['example.com', 'https://example.com'],
    ['  https://Example.com/login?x=1 ', 'https://example.com'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['densenkenpo.portal.kosmo-web.jp/realms', 'https://densenkenpo.portal.kosmo-web.jp'],
    ['', null],
    ['not a site', null],
    ['ftp://example.com', null],
    ['https://user:pw@example.com', null],
  ])('typed %j → %j', (text, expected) => {
    expect(originFromInput(text)).toBe(expected);
  });
});
