import { describe, expect, it } from 'vitest';
import { replacedByEnrollment, withoutPendingTwins } from '../../../lib/otp/pending';

const KOSMO = 'https://densenkenpo.portal.kosmo-web.jp';
const OTHER = 'https://other.kosmo-web.jp';
const acc = (id: string, extra: { user?: string; pending?: boolean; sites?: string[] } = {}) => ({
  id,
  sites: extra.sites ?? [KOSMO],
  ...(extra.user !== undefined && { user: extra.user }),
  ...(extra.pending && { pending: true }),
});

describe('pending accounts at login', () => {
  it.each([
    ['a pending account alone is offered', [acc('p', { user: 'u1', pending: true })], ['p']],
    [
      'a confirmed one of the same user hides it',
      [acc('p', { user: 'u1', pending: true }), acc('c', { user: 'u1' })],
      ['c'],
    ],
    ['neither user known counts as the same user', [acc('p', { pending: true }), acc('c')], ['c']],
    [
      'another user’s confirmed account does not hide it',
      [acc('p', { user: 'u1', pending: true }), acc('c', { user: 'u2' })],
      ['p', 'c'],
    ],
    [
      'a confirmed one bound elsewhere does not hide it',
      [acc('p', { user: 'u1', pending: true }), acc('c', { user: 'u1', sites: [OTHER] })],
      ['p', 'c'],
    ],
    [
      'two pending twins of one user both stay (nothing confirmed)',
      [acc('p1', { user: 'u1', pending: true }), acc('p2', { user: 'u1', pending: true })],
      ['p1', 'p2'],
    ],
  ])('%s', (_name, accounts, offered) => {
    expect(withoutPendingTwins(accounts, KOSMO).map((a) => a.id)).toEqual(offered);
  });
});

describe('what a new enrollment replaces', () => {
  const vault = [
    acc('old', { user: 'u1', pending: true }),
    acc('confirmed', { user: 'u1' }),
    acc('someone-else', { user: 'u2', pending: true }),
    acc('elsewhere', { user: 'u1', pending: true, sites: [OTHER] }),
    acc('nameless', { pending: true }),
    acc('new', { user: 'u1', pending: true }),
  ];
  it.each([
    ['u1: only u1’s pending account on this site', 'u1', ['old']],
    ['no user name: only a pending account without one', undefined, ['nameless']],
    ['u3: nothing', 'u3', []],
  ])('%s', (_name, user, replaced) => {
    expect(replacedByEnrollment(vault, KOSMO, user, 'new').map((a) => a.id)).toEqual(replaced);
  });
});
