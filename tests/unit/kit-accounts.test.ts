import { describe, expect, it } from 'vitest';
import { kitAccounts } from '../../lib/kit-accounts';

describe("the emergency kit's account keys", () => {
  it.each([
    ['JBSWY3DPEHPK3PXP', 'JBSW Y3DP EHPK 3PXP'],
    ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PX', 'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PX'],
    ['GEZDGNBVGY3TQOJQ', 'GEZD GNBV GY3T QOJQ'],
  ])('prints %s as %s, for typing into another app', (secret, key) => {
    const uri = `otpauth://totp/KOSMO:taro?secret=${secret}&issuer=KOSMO`;
    const data = { accounts: [{ title: 'KOSMO (taro)', uri }], migration: [], excluded: [] };
    expect(kitAccounts(data)).toEqual([{ title: 'KOSMO (taro)', uri, key }]);
  });
});
