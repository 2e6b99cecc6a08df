import { describe, expect, it } from 'vitest';
import { checkAccountData, normalizeSecret } from '../../../lib/vault';
import { open, seal } from '../../../lib/vault/aes-gcm';
import { base64ToBytes, bytesToBase64 } from '../../../lib/vault/base64';
import { sampleAccount } from './helpers';

describe('base64', () => {
  it.each([[[]], [[0]], [[0, 255]], [[1, 2, 3]], [[251, 255, 191, 0, 16]]])(
    'round-trips %o',
    (bytes) => {
      const encoded = bytesToBase64(new Uint8Array(bytes));
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
      expect([...base64ToBytes(encoded)]).toEqual(bytes);
    },
  );

  it.each([['abc'], ['ab=c'], ['a b='], ['####'], [42], [undefined]])('rejects %o', (value) => {
    expect(() => base64ToBytes(value, 'field')).toThrow(new TypeError('field is not base64'));
  });
});

describe('AES-GCM seal/open', () => {
  it('round-trips, and fails with other additional data or a modified box', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const aad = new TextEncoder().encode('id-1');
    const box = await seal(crypto, key, new TextEncoder().encode('hello'), aad);
    expect(atob(box.iv)).toHaveLength(12);
    expect(new TextDecoder().decode(await open(crypto, key, box, aad))).toBe('hello');
    await expect(open(crypto, key, box, new TextEncoder().encode('id-2'))).rejects.toThrow();
    await expect(open(crypto, key, { ...box, iv: 'AAAA' }, aad)).rejects.toThrow(TypeError);
  });
});

describe('checkAccountData', () => {
  it('returns exactly the AccountData fields', () => {
    expect(checkAccountData({ ...sampleAccount(), id: 'x', order: 3 })).toEqual(sampleAccount());
  });

  it.each([
    ['type', { type: 'steam' }],
    ['secret', { secret: '' }],
    ['secret', { secret: 'JBSWY3DP====' }],
    ['secret', { secret: 'jbswy3dp' }],
    ['algorithm', { algorithm: 'sha1' }],
    ['digits', { digits: 11 }],
    ['digits', { digits: 6.5 }],
    ['period', { period: 0 }],
    ['counter', { counter: -1 }],
    ['issuer', { issuer: null }],
    ['name', { name: 7 }],
    ['sites', { sites: 'https://a.example' }],
    ['sites', { sites: [1] }],
  ])('rejects a bad %s without echoing the value', (field, change) => {
    const call = () => checkAccountData({ ...sampleAccount(), ...change });
    expect(call).toThrow(TypeError);
    expect(call).toThrow(new RegExp(`^account\\.${field} `));
    expect(call).not.toThrow(/JBSWY3DP/);
  });

  it.each([
    ['jbsw y3dp', 'JBSWY3DP'],
    ['JBSW-Y3DP====', 'JBSWY3DP'],
    ['\tjbswy3dp\n', 'JBSWY3DP'],
  ])('normalizeSecret(%j) → %s', (input, output) => {
    expect(normalizeSecret(input)).toBe(output);
  });
});
