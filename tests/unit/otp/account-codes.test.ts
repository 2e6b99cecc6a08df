import { describe, expect, it } from 'vitest';
import { accountView } from '../../../lib/otp/account-codes';
import { shownCode } from '../../../lib/otp/shown-code';
import { timeStep } from '../../../lib/otp/step-time';
import { generateCode } from '../../../lib/otp/code';
import type { Account } from '../../../lib/otp/types';

const SECRET = 'JBSWY3DPEHPK3PXP';
const account: Account = {
  id: 'a1',
  order: 0,
  updatedAt: 5,
  issuer: 'KOSMO',
  name: 'taro',
  secret: SECRET,
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  sites: ['https://densenkenpo.portal.kosmo-web.jp'],
  deviceName: 'PC',
  pinned: true,
  trustedSites: ['https://densenkenpo.portal.kosmo-web.jp'],
};
// 10 s into a step.
const T = 59_167_080 * 30_000 + 10_000;

describe('accountView', () => {
  it('carries everything a page shows and the codes, never the key', () => {
    const view = accountView(account, T);
    expect(JSON.stringify(view)).not.toContain(SECRET);
    expect('secret' in view).toBe(false);
    expect(view).toEqual({
      ...account,
      secret: undefined,
      codes: {
        step: timeStep(30, T),
        current: generateCode(account, T),
        next: generateCode(account, T + 30_000),
      },
    });
  });

  it('gives HOTP the code of the current counter only', () => {
    const hotp = { ...account, type: 'hotp' as const, counter: 7 };
    expect(accountView(hotp, T).codes).toEqual({
      step: 7,
      current: generateCode(hotp, 0),
      next: null,
    });
  });

  it('gives a record that cannot make codes none (the row says so)', () => {
    expect(accountView({ ...account, secret: '1' }, T).codes).toBeNull();
  });
});

describe('shownCode', () => {
  const view = accountView(account, T);
  const codes = view.codes!;

  it('shows the current code, and the next one in the last 5 seconds', () => {
    expect(shownCode(view, T)).toEqual({
      code: codes.current,
      upcoming: null,
      secondsLeft: 20,
      stale: false,
    });
    expect(shownCode(view, T + 16_000)).toMatchObject({
      code: codes.current,
      upcoming: codes.next,
    });
  });

  it('switches to the held next code at once when the step ends, and asks for more', () => {
    expect(shownCode(view, T + 20_000)).toEqual({
      code: codes.next,
      upcoming: null,
      secondsLeft: 30,
      stale: true,
    });
  });

  it('shows no code once both held codes are too old', () => {
    expect(shownCode(view, T + 50_000)).toMatchObject({ code: null, stale: true });
  });

  it('keeps HOTP on its counter', () => {
    const hotp = accountView({ ...account, type: 'hotp' }, T);
    expect(shownCode(hotp, T + 99_000)).toMatchObject({ code: hotp.codes!.current, stale: false });
  });
});

/** Codes are kept per step in the worker: a later view must still follow the account's key. */
describe('accountView codes made before', () => {
  it.each([
    ['a new key', { secret: 'GEZDGNBVGY3TQOJQ' }],
    ['another algorithm', { algorithm: 'SHA256' as const }],
    ['8 digits', { digits: 8 }],
  ])('an account changed to %s under the same id gets its own codes', (_, patch) => {
    expect(accountView(account, T).codes?.current).toBe(generateCode(account, T));
    const changed = { ...account, ...patch };
    expect(accountView(changed, T).codes?.current).toBe(generateCode(changed, T));
  });

  it('the next step gets the next codes, and a changed copy never alters what is kept', () => {
    const first = accountView(account, T).codes!;
    first.current = '000000';
    expect(accountView(account, T).codes?.current).toBe(generateCode(account, T));
    expect(accountView(account, T + 30_000).codes?.current).toBe(generateCode(account, T + 30_000));
  });
});
