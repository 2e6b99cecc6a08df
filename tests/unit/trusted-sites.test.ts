import { describe, expect, it } from 'vitest';
import { trustedAfterEdit, trustedSitesOf, withTrustedSite } from '../../lib/trusted-sites';

const A = 'https://a.kosmo-web.jp';
const B = 'https://b.kosmo-web.jp';
const C = 'https://c.example';

describe('trusted sites', () => {
  it.each([
    [{ sites: [A, B] }, []],
    [{ sites: [A, B], trustedSites: [B] }, [B]],
    [{ sites: [A], trustedSites: [A, B] }, [A]],
  ])('%j → %j', (account, expected) => {
    expect(trustedSitesOf(account)).toEqual(expected);
  });

  it.each([
    ['bind', { sites: [A], trustedSites: [] }, B, true, [B]],
    ['bind again', { sites: [A], trustedSites: [A] }, A, true, [A]],
    ['unbind', { sites: [A, B], trustedSites: [A, B] }, A, false, [B]],
  ])('%s', (_name, account, origin, bound, expected) => {
    expect(withTrustedSite(account, origin, bound)).toEqual(expected);
  });

  it.each([
    ['an added site is the user’s', { sites: [A] }, [A, C], [C]],
    ['a kept imported site stays untrusted', { sites: [A, B], trustedSites: [B] }, [A, B], [B]],
    ['a removed site loses its trust', { sites: [A, B], trustedSites: [A, B] }, [B], [B]],
  ])('manage edit: %s', (_name, account, sites, expected) => {
    expect(trustedAfterEdit(account, sites)).toEqual(expected);
  });
});
