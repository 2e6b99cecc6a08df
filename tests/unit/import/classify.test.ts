import { describe, expect, it } from 'vitest';
import { classifyEntries, commitOutcomes, previewItems, toAdd } from '../../../lib/import/classify';
import { readPastedText } from '../../../lib/import/qr-text';
import { sampleAccount } from '../vault/helpers';

const STORED = sampleAccount({ issuer: 'KOSMO', name: 'taro', secret: 'JBSWY3DPEHPK3PXP' });

describe('classifying entries against the vault’s accounts, given as data', () => {
  it('says new, already there (also earlier in the source), or a name twin', () => {
    const entries = classifyEntries(
      [STORED],
      [
        sampleAccount({ issuer: 'A', name: 'a', secret: 'MFRGGZDFMZTWQ2LK' }),
        sampleAccount({ issuer: 'A', name: 'a', secret: 'MFRGGZDFMZTWQ2LK' }),
        sampleAccount({ issuer: 'Renamed', name: 'x', secret: 'jbsw y3dp ehpk 3pxp' }),
        sampleAccount({ issuer: 'KOSMO', name: 'taro', secret: 'GEZDGNBVGY3TQOJQ' }),
      ],
    );
    expect(entries.map((e) => e.status)).toEqual(['new', 'existing', 'existing', 'conflict']);
    expect(toAdd(entries).map((a) => a.secret)).toEqual(['MFRGGZDFMZTWQ2LK', 'GEZDGNBVGY3TQOJQ']);
  });
});

describe('what a preview shows and a commit adds of a file’s account', () => {
  const pinned = sampleAccount({
    issuer: 'Look-alike',
    secret: 'MFRGGZDFMZTWQ2LK',
    sites: ['https://densenkenpo.portal.kosmo-web.jp', 'https://sso.example.ac.jp:8443'],
    pinned: true,
  });

  it('lists the hosts each entry is bound to', () => {
    expect(previewItems(classifyEntries([STORED], [pinned, sampleAccount({ sites: [] })]))).toEqual(
      [
        {
          title: 'Look-alike (taro@example.jp)',
          status: 'new',
          hosts: ['densenkenpo.portal.kosmo-web.jp', 'sso.example.ac.jp:8443'],
        },
        { title: 'KOSMO (taro@example.jp)', status: 'existing', hosts: [] },
      ],
    );
  });

  it('drops pinned unless restoring into an empty vault', () => {
    expect(toAdd(classifyEntries([STORED], [pinned]))[0]).not.toHaveProperty('pinned');
    expect(toAdd(classifyEntries([], [pinned]))[0]).toMatchObject({ pinned: true });
  });
});

describe('what a commit reports in the import results', () => {
  it('lists added, conflicting, already-there and skipped entries', () => {
    const entry = (title: string, status: 'new' | 'conflict' | 'existing') => ({
      data: sampleAccount({ issuer: title }),
      title,
      status,
    });
    const outcomes = commitOutcomes(
      [entry('A', 'new'), entry('B', 'conflict'), entry('C', 'existing')],
      [{ title: 'Steam', reason: 'import_skipped_unsupported_type' }],
    );
    expect(outcomes).toEqual([
      { kind: 'added', title: 'A' },
      { kind: 'added', title: 'B', warning: { key: 'import_conflict_added' } },
      { kind: 'duplicate', title: 'C' },
      { kind: 'skipped', title: 'Steam', error: { key: 'import_skipped_unsupported_type' } },
    ]);
  });
});

describe('pasted text', () => {
  const SECRET = 'JBSWY3DPEHPK3PXP';

  it('joins a URI wrapped over lines, and says precisely what is not an account', () => {
    const read = readPastedText(
      [
        `otpauth://totp/Wrapped:me?secret=${SECRET.slice(0, 8)}`,
        `${SECRET.slice(8)}&issuer=Wrapped`,
        '',
        'https://densenkenpo.portal.kosmo-web.jp/',
        'otpauth://totp/Bad:typo?secret=JBSW1Y3DPEHPK3PX',
      ].join('\n'),
    );
    expect(read.accounts.map((a) => [a.issuer, a.secret])).toEqual([['Wrapped', SECRET]]);
    expect(read.notes).toEqual([
      { kind: 'not-otp' },
      { kind: 'invalid', error: { key: expect.stringMatching(/^error_/) as unknown as string } },
    ]);
  });
});
