import { describe, expect, it } from 'vitest';
import { recoveryAccountFor } from '../../../lib/recovery-codes/choose-account';

const SITE = 'https://densenkenpo.portal.kosmo-web.jp';
const OTHER = 'https://other.kosmo-web.jp';

interface A {
  id: string;
  sites: string[];
  updatedAt: number;
  order: number;
  user?: string;
  pending?: boolean;
}
const a = (id: string, extra: Partial<A> = {}): A => ({
  id,
  sites: [SITE],
  updatedAt: 100,
  order: 0,
  ...extra,
});
const pick = (accounts: A[], user = '', usable?: (x: A) => boolean) =>
  recoveryAccountFor(accounts, SITE, user, usable)?.id ?? null;

describe('the account a recovery codes page belongs to', () => {
  it.each([
    ['the only account bound to the site', [a('x'), a('y', { sites: [OTHER] })], '', 'x'],
    ['none when nothing is bound to the site', [a('y', { sites: [OTHER] })], '', null],
    [
      'the one recorded under the page user, over a newer one',
      [a('bob', { user: 'bob' }), a('new', { updatedAt: 900 })],
      'bob',
      'bob',
    ],
    [
      'the most recently changed among the others',
      [a('old', { updatedAt: 100 }), a('new', { updatedAt: 900 }), a('mid', { updatedAt: 500 })],
      'carol',
      'new',
    ],
    [
      'by order when the times tie',
      [a('first', { order: 0 }), a('last', { order: 3 })],
      '',
      'last',
    ],
    [
      'a confirmed one before a pending one',
      [a('pending', { pending: true, updatedAt: 900 }), a('done')],
      '',
      'done',
    ],
    ["never someone else's account", [a('alice', { user: 'alice' })], 'bob', null],
    ['any bound one when the page shows no user', [a('alice', { user: 'alice' })], '', 'alice'],
  ])('%s', (_name, accounts, user, id) => {
    expect(pick(accounts, user)).toBe(id);
  });

  it('chooses only among usable accounts (e.g. holding the code asked for)', () => {
    const accounts = [a('empty', { updatedAt: 900 }), a('codes')];
    expect(pick(accounts, '', (x) => x.id === 'codes')).toBe('codes');
    expect(pick(accounts, '', () => false)).toBeNull();
  });
});
