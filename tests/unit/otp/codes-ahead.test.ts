import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accountView, codesAhead, forgetCodes } from '../../../lib/otp/account-codes';
import { generateCode } from '../../../lib/otp/code';
import type { Account } from '../../../lib/otp/types';

// The real generator, watched: how many HMACs a view needed.
vi.mock('../../../lib/otp/code', async (original) => {
  const real = await original<typeof import('../../../lib/otp/code')>();
  return { ...real, generateCode: vi.fn(real.generateCode) };
});
const made = vi.mocked(generateCode);

const accounts: Account[] = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK'].map(
  (secret, i) => ({
    id: `a${i}`,
    order: i,
    updatedAt: 0,
    issuer: 'KOSMO',
    name: `user${i}`,
    secret,
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    sites: [],
  }),
);
// 10 s into a step.
const T = 59_167_080 * 30_000 + 10_000;
const at = (ms: number) => () => ms;

describe('codes made ahead (issue 13)', () => {
  beforeEach(() => {
    forgetCodes();
    made.mockClear();
  });

  it('makes each code once: the next step reuses the "next" code already made', () => {
    for (const a of accounts) accountView(a, T);
    expect(made).toHaveBeenCalledTimes(2 * accounts.length);
    made.mockClear();
    for (const a of accounts) accountView(a, T + 30_000);
    expect(made).toHaveBeenCalledTimes(accounts.length);
  });

  it('leaves the first request of the next step nothing to make', () => {
    for (const a of accounts) accountView(a, T);
    runAll(queued(accounts));
    made.mockClear();
    const views = accounts.map((a) => accountView(a, T + 30_000));
    expect(made).not.toHaveBeenCalled();
    for (const [i, view] of views.entries()) {
      expect(view.codes?.next).toBe(generateCode(accounts[i]!, T + 60_000));
    }
  });

  it('does nothing once the codes were forgotten (the vault locked) before it ran', () => {
    const jobs = queued(accounts);
    forgetCodes();
    runAll(jobs);
    expect(made).not.toHaveBeenCalled();
  });

  it('works in slices, one per job, and stops between two slices when the vault locks', () => {
    const many = Array.from({ length: 45 }, (_, i) => ({ ...accounts[i % 3]!, id: `m${i}` }));
    const jobs = queued(many);
    jobs.shift()!();
    expect(made).toHaveBeenCalledTimes(20);
    expect(jobs).toHaveLength(1);
    forgetCodes();
    runAll(jobs);
    expect(made).toHaveBeenCalledTimes(20);
  });
});

/** Plans the codes ahead of `list` at T; its jobs wait in the returned queue. */
function queued(list: readonly Account[]): (() => void)[] {
  const jobs: (() => void)[] = [];
  codesAhead(list, at(T), (job) => jobs.push(job));
  return jobs;
}

function runAll(jobs: (() => void)[]): void {
  for (let job = jobs.shift(); job; job = jobs.shift()) job();
}
