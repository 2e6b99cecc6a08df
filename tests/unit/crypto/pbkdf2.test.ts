import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { pbkdf2, sha256Password } from '../../../lib/crypto/pbkdf2';

describe('PBKDF2 and SHA-256 of a password', () => {
  // RFC 6070 test vectors (PBKDF2-HMAC-SHA1).
  it.each([
    [1, '0c60c80f961f0e71f3a9b524af6012062fe037a6'],
    [2, 'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957'],
    [4096, '4b007901b765489abead49d926f721d065a429c1'],
  ])('PBKDF2-SHA1 "password"/"salt", %i iterations', async (iterations, hex) => {
    const salt = new TextEncoder().encode('salt');
    const out = await pbkdf2(crypto, 'password', salt, iterations, 'SHA-1', 20);
    expect(bytesToHex(out)).toBe(hex);
  });

  it.each([[0], [1.5], [20_000_000]])('refuses %d iterations', async (iterations) => {
    const salt = new Uint8Array(8);
    await expect(pbkdf2(crypto, 'p', salt, iterations, 'SHA-256', 32)).rejects.toThrow(RangeError);
  });

  it('SHA-256 of "abc"', async () => {
    expect(bytesToHex(await sha256Password(crypto, 'abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
