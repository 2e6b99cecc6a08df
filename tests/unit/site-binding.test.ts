import { describe, expect, it } from 'vitest';
import { bindOffer, bindingsToConfirm, hostOf } from '../../lib/site-binding';

const PORTAL = 'https://densenkenpo.portal.kosmo-web.jp';
const SIBLING = 'https://evil.kosmo-web.jp';
const OTHER = 'https://login.example.jp';

describe('bindOffer', () => {
  it.each([
    ['bound here: one click unbinds', [PORTAL], PORTAL, 'unbind'],
    ['bound nowhere: one click binds', [], PORTAL, 'bind'],
    ['bound nowhere, on a KOSMO sibling: one click binds', [], SIBLING, 'bind'],
    ['bound to KOSMO, on a KOSMO sibling: not offered', [PORTAL], SIBLING, 'none'],
    ['bound to KOSMO and elsewhere, on a sibling: not offered', [OTHER, PORTAL], SIBLING, 'none'],
    ['bound to KOSMO, on another site: asks', [PORTAL], OTHER, 'confirm'],
    ['bound to another site, on KOSMO: asks', [OTHER], PORTAL, 'confirm'],
    ['bound to two, on one of them: unbinds', [OTHER, PORTAL], PORTAL, 'unbind'],
  ] as const)('%s', (_, sites, origin, offer) => {
    expect(bindOffer(sites, origin)).toBe(offer);
  });
});

describe('bindingsToConfirm', () => {
  it('asks for new sites of an account bound elsewhere', () => {
    expect(bindingsToConfirm([PORTAL], [PORTAL, SIBLING])).toEqual([SIBLING]);
    expect(bindingsToConfirm([PORTAL], [OTHER])).toEqual([OTHER]);
  });

  it('does not ask to remove sites, keep them, or bind an unbound account', () => {
    expect(bindingsToConfirm([PORTAL, OTHER], [PORTAL])).toEqual([]);
    expect(bindingsToConfirm([PORTAL], [PORTAL])).toEqual([]);
    expect(bindingsToConfirm([], [SIBLING])).toEqual([]);
  });
});

it('names a site by its host', () => {
  expect(hostOf(SIBLING)).toBe('evil.kosmo-web.jp');
  expect(hostOf('http://127.0.0.1:8080')).toBe('127.0.0.1:8080');
});
