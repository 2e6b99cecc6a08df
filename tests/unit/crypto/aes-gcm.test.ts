import { describe, expect, it } from 'vitest';
import {
  aad as utf8Aad,
  importAesKey,
  open,
  parseSealedBox,
  seal,
  tryOpenRaw,
} from '../../../lib/crypto/aes-gcm';

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
describe('AES-GCM boxes', () => {
  it.each([
    [null, 'sealed box is not an object'],
    [{ iv: 'AAAA', ciphertext: 'A'.repeat(24) }, 'iv must be 12 bytes'],
    [{ iv: 'A'.repeat(16), ciphertext: 'AAAA' }, 'ciphertext is shorter than a GCM tag'],
    [{ iv: 'A'.repeat(16), ciphertext: 42 }, 'ciphertext is not base64'],
  ])('parseSealedBox(%j) throws %s', (box, message) => {
    expect(() => parseSealedBox(box)).toThrow(new TypeError(message));
  });

  it('imports only 32-byte keys, as non-extractable', async () => {
    await expect(importAesKey(crypto, new Uint8Array(16))).rejects.toThrow(TypeError);
    const key = await importAesKey(crypto, new Uint8Array(32));
    expect(key.extractable).toBe(false);
  });
});

describe('tryOpenRaw (other apps: raw key, ciphertext ‖ tag)', () => {
  const raw = new Uint8Array(32).fill(7);
  const iv = new Uint8Array(12).fill(1);

  async function sealRaw(plaintext: string): Promise<Uint8Array> {
    const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
    const data = new TextEncoder().encode(plaintext);
    return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data));
  }

  it('opens what WebCrypto sealed, and gives undefined for a wrong key or a damaged tag', async () => {
    const sealed = await sealRaw('hello');
    expect(new TextDecoder().decode(await tryOpenRaw(crypto, raw, iv, sealed))).toBe('hello');
    expect(await tryOpenRaw(crypto, new Uint8Array(32), iv, sealed)).toBeUndefined();
    const damaged = sealed.slice();
    damaged[damaged.length - 1]! ^= 1;
    expect(await tryOpenRaw(crypto, raw, iv, damaged)).toBeUndefined();
  });

  it.each([
    ['a 20-byte key', new Uint8Array(20), new Uint8Array(12), new Uint8Array(32)],
    ['an empty IV', new Uint8Array(32), new Uint8Array(0), new Uint8Array(32)],
    ['less than a tag', new Uint8Array(32), new Uint8Array(12), new Uint8Array(15)],
  ])('gives undefined for %s', async (_label, key, nonce, data) => {
    expect(await tryOpenRaw(crypto, key, nonce, data)).toBeUndefined();
  });

  it('encodes additional data as UTF-8', () => {
    expect([...utf8Aad('é')]).toEqual([0xc3, 0xa9]);
  });
});
