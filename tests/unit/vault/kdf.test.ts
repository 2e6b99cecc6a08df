import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF_COST, Vault } from '../../../lib/vault';
import { bytesToBase64 } from '../../../lib/vault/base64';
import {
  argon2idBytes,
  deriveKek,
  newKdfParams,
  parseKdfParams,
  type KdfParams,
} from '../../../lib/vault/kdf';
import { PASSWORD, sampleAccount, setup } from './helpers';

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const somesalt = bytesToBase64(new TextEncoder().encode('somesalt'));

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
      expect(hex(await argon2idBytes('password', params))).toBe(tag);
    },
  );

  it('derives a non-extractable AES-GCM key', async () => {
    const params = newKdfParams(crypto, { memoryKiB: 64, iterations: 1 });
    const kek = await deriveKek(crypto, PASSWORD, params);
    expect(kek.extractable).toBe(false);
    expect(kek.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', kek)).rejects.toThrow();
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
    [{ algorithm: 'scrypt' }, 'unsupported-kdf'],
    [{ algorithm: 'argon2i' }, 'unsupported-kdf'],
    [{ algorithm: undefined }, 'unsupported-kdf'],
    [{ salt: 'AAAA' }, 'corrupt-header'],
    [{ salt: 42 }, 'corrupt-header'],
    [{ parallelism: 100 }, 'corrupt-header'],
  ])('parseKdfParams(%o) → %s', (change, code) => {
    const value = { ...newKdfParams(crypto), ...change };
    expect(() => parseKdfParams(value)).toThrow(expect.objectContaining({ code }));
  });

  it('the real default cost (64 MiB, t=3, p=1) creates and unlocks a vault', async () => {
    const env = setup();
    await env.vault.create(PASSWORD); // no kdf override: DEFAULT_KDF_COST
    const header = (await env.db.meta.get('header'))?.value as { kdf: KdfParams };
    expect(header.kdf).toMatchObject({ algorithm: 'argon2id', ...DEFAULT_KDF_COST });
    expect(DEFAULT_KDF_COST).toEqual({ memoryKiB: 65536, iterations: 3, parallelism: 1 });
    const added = await env.vault.addAccount(sampleAccount());
    await env.vault.lock();
    const fresh = new Vault({ db: env.db, session: env.session, crypto, now: env.clock.now });
    await fresh.unlock(PASSWORD);
    expect((await fresh.listAccounts()).accounts).toEqual([added]);
  });
});
