import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { argon2idBytes, argon2idRaw, deriveAesKey } from '../../../lib/crypto/argon2id';
import { bytesToBase64 } from '../../../lib/crypto/base64';
import {
  KdfParamsError,
  newKdfParams,
  parseKdfParams,
  type KdfParams,
} from '../../../lib/crypto/kdf-params';

const somesalt = bytesToBase64(new TextEncoder().encode('somesalt'));
const PASSWORD = 'correct horse battery';

describe('Argon2id', () => {
  // Known answers from the reference implementation (phc-winner-argon2, src/test.c, v=0x13):
  // password "password", salt "somesalt", 32-byte tag.
  it.each([
    [256, 2, 1, '9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe'],
    [256, 2, 2, '6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037'],
    [65536, 2, 1, '09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7'],
  ])(
    'm=%i KiB t=%i p=%i matches the reference tag',
    async (memoryKiB, iterations, parallelism, tag) => {
      const params: KdfParams = {
        algorithm: 'argon2id',
        memoryKiB,
        iterations,
        parallelism,
        salt: somesalt,
      };
      expect(bytesToHex(await argon2idBytes('password', params))).toBe(tag);
    },
  );

  it('derives a non-extractable AES-GCM key', async () => {
    const params = newKdfParams(crypto, { memoryKiB: 64, iterations: 1 });
    const kek = await deriveAesKey(crypto, PASSWORD, params);
    expect(kek.extractable).toBe(false);
    expect(kek.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', kek)).rejects.toThrow();
  });

  it('hashes the NFC form of a password for stored parameters, the raw one otherwise', async () => {
    const params = newKdfParams(crypto, { memoryKiB: 64, iterations: 1 });
    const composed = await argon2idBytes('caf\u00e9', params);
    expect(await argon2idBytes('cafe\u0301', params)).toEqual(composed);
    const salt = new TextEncoder().encode('somesalt');
    const cost = { memoryKiB: 64, iterations: 1, parallelism: 1 };
    expect(await argon2idRaw('cafe\u0301', salt, cost, 32)).not.toEqual(
      await argon2idRaw('caf\u00e9', salt, cost, 32),
    );
  });

  it('new parameters default to 64 MiB, t=3, p=1 and a fresh 16-byte salt', () => {
    const a = newKdfParams(crypto);
    const b = newKdfParams(crypto);
    expect(a).toMatchObject({
      algorithm: 'argon2id',
      memoryKiB: 65536,
      iterations: 3,
      parallelism: 1,
    });
    expect(atob(a.salt)).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
  });

  it.each([
    [{ memoryKiB: 4 }],
    [{ memoryKiB: 16, parallelism: 4 }],
    [{ iterations: 0 }],
    [{ iterations: 1.5 }],
    [{ parallelism: 0 }],
    [{ memoryKiB: 2 ** 30 }],
  ])('rejects the cost %o with a RangeError', (cost) => {
    expect(() => newKdfParams(crypto, cost)).toThrow(RangeError);
  });

  it.each([
    ['a cost out of range', { memoryKiB: 2 ** 30, iterations: 1, parallelism: 1 }, 8, 32],
    ['too few lanes of memory', { memoryKiB: 16, iterations: 1, parallelism: 4 }, 8, 32],
    ['a 4-byte salt', { memoryKiB: 64, iterations: 1, parallelism: 1 }, 4, 32],
    ['a 2 KiB salt', { memoryKiB: 64, iterations: 1, parallelism: 1 }, 2048, 32],
    ['a 2-byte tag', { memoryKiB: 64, iterations: 1, parallelism: 1 }, 8, 2],
    ['a 65-byte tag', { memoryKiB: 64, iterations: 1, parallelism: 1 }, 8, 65],
  ])('argon2idRaw refuses %s before hashing', async (_label, cost, saltBytes, hashBytes) => {
    const salt = new Uint8Array(saltBytes);
    await expect(argon2idRaw(PASSWORD, salt, cost, hashBytes)).rejects.toThrow(RangeError);
  });

  it.each([
    [{ algorithm: 'scrypt' }, 'unsupported-algorithm'],
    [{ algorithm: 'argon2i' }, 'unsupported-algorithm'],
    [{ algorithm: undefined }, 'unsupported-algorithm'],
    [{ salt: 'AAAA' }, 'malformed'],
    [{ salt: 42 }, 'malformed'],
    [{ parallelism: 100 }, 'malformed'],
  ])('parseKdfParams(%o) → %s', (change, reason) => {
    const value = { ...newKdfParams(crypto), ...change };
    expect(() => parseKdfParams(value)).toThrow(KdfParamsError);
    expect(() => parseKdfParams(value)).toThrow(expect.objectContaining({ reason }));
  });

  it('parseKdfParams returns exactly the stored fields', () => {
    const params = newKdfParams(crypto);
    expect(parseKdfParams({ ...params, extra: 1 })).toEqual(params);
    expect(() => parseKdfParams(null)).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });
});
