import { describe, expect, it } from 'vitest';
import type { ExportData } from '../../lib/backup-protocol';
import { kitAccounts, kitRecoveryCodes } from '../../lib/kit-accounts';

describe("the emergency kit's account keys", () => {
  it.each([
    ['JBSWY3DPEHPK3PXP', 'JBSW Y3DP EHPK 3PXP'],
    ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PX', 'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PX'],
    ['GEZDGNBVGY3TQOJQ', 'GEZD GNBV GY3T QOJQ'],
  ])('prints %s as %s, for typing into another app', (secret, key) => {
    const uri = `otpauth://totp/KOSMO:taro?secret=${secret}&issuer=KOSMO`;
    const data = {
      accounts: [{ title: 'KOSMO (taro)', uri, recoveryCodes: [] }],
      migration: [],
      excluded: [],
    };
    expect(kitAccounts(data)).toEqual([{ title: 'KOSMO (taro)', uri, key }]);
  });
});

describe("the emergency kit's recovery codes", () => {
  const uri = 'otpauth://totp/KOSMO:taro?secret=JBSWY3DPEHPK3PXP&issuer=KOSMO';
  const data = (recoveryCodes: ExportData['accounts'][number]['recoveryCodes'][]): ExportData => ({
    accounts: recoveryCodes.map((codes, i) => ({
      title: `account ${i}`,
      uri,
      recoveryCodes: codes,
    })),
    migration: [],
    excluded: [],
  });

  it('lists each account with unused codes, numbered as the site asks, grouped as it shows', () => {
    const lists = kitRecoveryCodes(
      data([
        [
          { number: 3, code: 'ABCDEFGHJKLM' },
          { number: 12, code: 'NPQRSTUVWXYZ' },
        ],
        [],
        [{ number: 1, code: 'abcd2345' }],
      ]),
    );
    expect(lists).toEqual([
      {
        title: 'account 0',
        codes: [
          { number: 3, text: 'ABCD-EFGH-JKLM' },
          { number: 12, text: 'NPQR-STUV-WXYZ' },
        ],
      },
      { title: 'account 2', codes: [{ number: 1, text: 'abcd-2345' }] },
    ]);
  });

  it('is empty when no account has a code left', () => {
    expect(kitRecoveryCodes(data([[], []]))).toEqual([]);
  });
});
