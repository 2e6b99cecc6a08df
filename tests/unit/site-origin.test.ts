import { describe, expect, it } from 'vitest';
import { isHttpSite, originFromInput, strictOrigin } from '../../lib/site-origin';

describe('site origins', () => {
  it.each([
    ['https://example.com', 'https://example.com'],
    ['https://localhost:8080', 'https://localhost:8080'],
    // Content scripts run on https pages only: a binding to http:// could never give a code.
    ['http://localhost:8080', null],
    ['http://example.com', null],
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
    ['localhost:3000/', 'https://localhost:3000'],
    ['http://localhost:3000/', null],
    ['http://intranet.example.co.jp/login', null],
    ['densenkenpo.portal.kosmo-web.jp/realms', 'https://densenkenpo.portal.kosmo-web.jp'],
    ['', null],
    ['not a site', null],
    ['ftp://example.com', null],
    ['https://user:pw@example.com', null],
  ])('typed %j → %j', (text, expected) => {
    expect(originFromInput(text)).toBe(expected);
  });

  it.each([
    ['http://localhost:3000/', true],
    ['  HTTP://example.com ', true],
    ['http://example.com/login', true],
    ['https://example.com', false],
    ['example.com', false],
    ['ftp://example.com', false],
    ['http://', false],
    [42, false],
  ])('http %j → %j', (text, expected) => {
    expect(isHttpSite(text)).toBe(expected);
  });
});
