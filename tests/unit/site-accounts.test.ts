import { describe, expect, it } from 'vitest';
import { hostWords, mentionsSite, rankChoices } from '../../lib/choice-rank';
import { kosmoSiteForIssuer } from '../../lib/issuer-site';
import { fitsUser, sameUser, siteAccounts, type SiteAccount } from '../../lib/site-accounts';

const PORTAL = 'https://densenkenpo.portal.kosmo-web.jp';
const SIBLING = 'https://other.kosmo-web.jp';
const OTHER = 'https://login.example.jp';
const REALM = '電線工業健康保険組合';

type Named = SiteAccount & { id: string };
const account = (id: string, more: Partial<Named> = {}): Named => ({
  id,
  type: 'totp',
  issuer: REALM,
  name: id,
  sites: [],
  ...more,
});
const ids = (list: readonly Named[]) => list.map((a) => a.id);

describe('sameUser and fitsUser', () => {
  it.each([
    ['tanaka', 'tanaka', true],
    ['Tanaka', ' tanaka ', true],
    ['ｔａｎａｋａ', 'tanaka', true],
    ['tanaka', 'jiro', false],
    ['', '', false],
  ])('%j and %j are the same user: %s', (a, b, same) => {
    expect(sameUser(a, b)).toBe(same);
  });

  it.each([
    ['its recorded user', { name: 'x', user: 'tanaka' }, 'tanaka', true],
    [
      'another recorded user, even with the name',
      { name: 'tanaka', user: 'jiro' },
      'tanaka',
      false,
    ],
    ['no user yet: its name', { name: 'tanaka' }, 'TANAKA', true],
    ['no user yet, another name', { name: '田中' }, 'tanaka', false],
  ])('an account with %s', (_, fields, user, fits) => {
    expect(fitsUser(fields, user)).toBe(fits);
  });
});

describe('siteAccounts: whose code a login page gets', () => {
  const tanaka = account('tanaka', { sites: [PORTAL], user: 'tanaka' });
  const jiro = account('jiro', { sites: [PORTAL], user: 'jiro' });
  const legacy = account('legacy', { name: '田中', sites: [PORTAL] });
  const free = account('free', { issuer: 'KOSMO', name: 'taro' });
  const elsewhere = account('elsewhere', { sites: [OTHER] });
  const sibling = account('sibling', { sites: [SIBLING] });
  const hotp = account('hotp', { type: 'hotp' });

  it.each([
    ['no user named: every account bound here', [tanaka, jiro], null, ['tanaka', 'jiro'], []],
    ['tanaka: only tanaka’s', [tanaka, jiro, free], 'tanaka', ['tanaka'], []],
    ['jiro: only jiro’s', [tanaka, jiro], 'Jiro', ['jiro'], []],
    [
      'a name that is the user’s, none recorded',
      [account('u', { name: 'saburo', sites: [PORTAL] })],
      'saburo',
      ['u'],
      [],
    ],
    [
      'saburo, nothing fits: the unbound and the unclaimed',
      [tanaka, legacy, free],
      'saburo',
      [],
      ['free', 'legacy'],
    ],
    [
      'nothing bound, no user: the unbound ones',
      [free, elsewhere, sibling, hotp],
      null,
      [],
      ['free'],
    ],
    [
      'never bound elsewhere, another KOSMO host or HOTP',
      [elsewhere, sibling, hotp],
      'tanaka',
      [],
      [],
    ],
  ] as const)('%s', (_, accounts, user, fitting, choices) => {
    const result = siteAccounts(accounts, { origin: PORTAL, user });
    expect(ids(result.fitting)).toEqual(fitting);
    expect(ids(result.choices)).toEqual(choices);
  });

  it.each([
    ['others bound, none of them unclaimed', [tanaka, jiro], 'saburo', true],
    ['no user named', [tanaka, jiro], null, false],
    ['nothing bound here', [free], 'saburo', false],
    ['the user’s own bound', [tanaka], 'tanaka', false],
  ] as const)('says other people’s accounts are bound here: %s', (_, accounts, user, others) => {
    expect(siteAccounts(accounts, { origin: PORTAL, user }).othersBound).toBe(others);
  });
});

describe('rankChoices: the likely account first', () => {
  it.each([
    ['densenkenpo.portal.kosmo-web.jp', PORTAL, ['densenkenpo', 'kosmo']],
    ['accounts.google.com', 'https://accounts.google.com', ['google']],
    ['login.example.co.jp:8443', 'https://login.example.co.jp:8443', ['example']],
    ['not a URL', 'nonsense', []],
  ])('the telling words of %s', (_, origin, words) => {
    expect(hostWords(origin)).toEqual(words);
  });

  it.each([
    ['its issuer has a host word', { issuer: 'KOSMO', name: 'x' }, undefined, true],
    ['its name has a host word', { issuer: '', name: 'densenkenpo-taro' }, undefined, true],
    ['its issuer is the realm title', { issuer: REALM, name: 'x' }, REALM, true],
    [
      'the realm title holds its issuer',
      { issuer: '電線工業', name: 'x' },
      `${REALM} ログイン`,
      true,
    ],
    ['its issuer holds the realm title', { issuer: `${REALM}（本部）`, name: 'x' }, REALM, true],
    ['another site', { issuer: 'GitHub', name: 'taro' }, REALM, false],
  ])('mentions the site when %s', (_, fields, realm, mentions) => {
    expect(mentionsSite(fields, { origin: PORTAL, ...(realm ? { realm } : {}) })).toBe(mentions);
  });

  it.each([
    [
      'the user’s own name first, then the site’s',
      'jiro',
      ['jiro-kosmo', 'jiro', 'kosmo', 'github'],
    ],
    [
      'no user: the site’s first, in the vault’s order',
      null,
      ['kosmo', 'jiro-kosmo', 'github', 'jiro'],
    ],
  ] as const)('%s', (_, user, order) => {
    const list = [
      account('github', { issuer: 'GitHub', name: 'taro' }),
      account('kosmo', { issuer: 'KOSMO', name: 'taro' }),
      account('jiro', { issuer: 'GitHub', name: 'jiro' }),
      account('jiro-kosmo', { issuer: REALM, name: 'jiro' }),
    ];
    expect(ids(rankChoices(list, { origin: PORTAL, user, realm: REALM }))).toEqual(order);
  });
});

describe('kosmoSiteForIssuer: where a QR code’s account belongs', () => {
  it.each([
    ['the one KOSMO host of that issuer', [{ issuer: REALM, sites: [PORTAL] }], REALM, PORTAL],
    [
      'the same issuer, spaced and wide',
      [{ issuer: ' ＫＯＳＭＯ ', sites: [PORTAL] }],
      'kosmo',
      PORTAL,
    ],
    ['only bound elsewhere', [{ issuer: REALM, sites: [OTHER] }], REALM, null],
    ['another issuer', [{ issuer: 'GitHub', sites: [PORTAL] }], REALM, null],
    [
      'two KOSMO hosts: a guess',
      [
        { issuer: REALM, sites: [PORTAL] },
        { issuer: REALM, sites: [SIBLING] },
      ],
      REALM,
      null,
    ],
    ['no issuer', [{ issuer: '', sites: [PORTAL] }], '', null],
  ])('%s', (_, accounts, issuer, site) => {
    expect(kosmoSiteForIssuer(accounts, issuer)).toBe(site);
  });
});
