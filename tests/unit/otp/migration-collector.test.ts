import { describe, expect, it } from 'vitest';
import type { AccountData } from '../../../lib/otp/types';
import { MigrationCollector } from '../../../lib/otp/migration/collector';
import type { MigrationBatch } from '../../../lib/otp/migration/types';

const account = (name: string): AccountData => ({
  ...{ type: 'totp', issuer: 'Example', name, secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1' },
  ...{ digits: 6, period: 30, counter: 0, sites: [] },
});
/** Batch `index` (0-based) of `size` of export `id`, holding one account named after it. */
const batch = (id: number, index: number, size: number): MigrationBatch => ({
  batchId: id,
  batchIndex: index,
  batchSize: size,
  accounts: [account(`${id}/${index}`)],
  skipped: [{ title: `skipped ${index}`, reason: 'unsupported-algorithm' }],
});

type Scan = [id: number, index: number, size: number];
type Seen = { complete: boolean; received: number[]; missing: number[]; duplicate: boolean };

describe('MigrationCollector', () => {
  it.each<[string, Scan[], Seen]>([
    [
      'a single QR code',
      [[1, 0, 1]],
      { complete: true, received: [1], missing: [], duplicate: false },
    ],
    [
      'first of three',
      [[1, 0, 3]],
      { complete: false, received: [1], missing: [2, 3], duplicate: false },
    ],
    [
      'last of three first',
      [[1, 2, 3]],
      { complete: false, received: [3], missing: [1, 2], duplicate: false },
    ],
    [
      '1 and 3 of three',
      [
        [1, 0, 3],
        [1, 2, 3],
      ],
      { complete: false, received: [1, 3], missing: [2], duplicate: false },
    ],
    [
      'all three, out of order',
      [
        [1, 2, 3],
        [1, 0, 3],
        [1, 1, 3],
      ],
      { complete: true, received: [1, 2, 3], missing: [], duplicate: false },
    ],
    [
      'the same QR code twice',
      [
        [1, 0, 2],
        [1, 0, 2],
      ],
      { complete: false, received: [1], missing: [2], duplicate: true },
    ],
    [
      'another export in between',
      [
        [1, 0, 2],
        [2, 0, 2],
        [1, 1, 2],
      ],
      { complete: true, received: [1, 2], missing: [], duplicate: false },
    ],
    [
      'a new export reusing the id with another size',
      [
        [1, 0, 2],
        [1, 1, 3],
      ],
      { complete: false, received: [2], missing: [1, 3], duplicate: false },
    ],
    [
      'negative batch ids',
      [
        [-7, 1, 2],
        [-7, 0, 2],
      ],
      { complete: true, received: [1, 2], missing: [], duplicate: false },
    ],
  ])('%s', (_, scans, expected) => {
    const collector = new MigrationCollector();
    const results = scans.map(([id, index, size]) => collector.add(batch(id, index, size)));
    const [id, , size] = scans[scans.length - 1] ?? [0, 0, 0];
    expect(results.at(-1)).toEqual({ batchId: id, batchSize: size, ...expected });
    expect(collector.progress(id)).toEqual({
      batchId: id,
      batchSize: size,
      ...expected,
      duplicate: false,
    });
  });

  it('joins the accounts and skipped accounts in batch order', () => {
    const collector = new MigrationCollector();
    for (const index of [2, 0, 1]) collector.add(batch(9, index, 3));
    expect(collector.result(9).accounts.map((a) => a.name)).toEqual(['9/0', '9/1', '9/2']);
    expect(collector.result(9).skipped.map((s) => s.title)).toEqual([
      'skipped 0',
      'skipped 1',
      'skipped 2',
    ]);
  });

  it('keeps the batch scanned last when one comes twice', () => {
    const collector = new MigrationCollector();
    collector.add(batch(9, 0, 1));
    collector.add({ ...batch(9, 0, 1), accounts: [account('again')] });
    expect(collector.result(9).accounts.map((a) => a.name)).toEqual(['again']);
  });

  it('knows nothing of an export none of whose batches came, and forgets on clear', () => {
    const collector = new MigrationCollector();
    expect(collector.progress(5)).toBeUndefined();
    expect(collector.result(5)).toEqual({ accounts: [], skipped: [] });
    collector.add(batch(5, 0, 2));
    collector.add(batch(6, 0, 2));
    collector.clear(5);
    expect([collector.progress(5), collector.progress(6)?.received]).toEqual([undefined, [1]]);
    collector.clear();
    expect(collector.progress(6)).toBeUndefined();
  });
});
