import { bytesToHex, concatBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { tryDecodeHex } from '../../../lib/crypto/hex';

describe('hex (from @noble/hashes)', () => {
  // input, bytes or null when refused
  it.each<[unknown, number[] | null]>([
    ['', []],
    ['00', [0]],
    ['cafe0123', [0xca, 0xfe, 0x01, 0x23]],
    ['CAFE', [0xca, 0xfe]],
    ['CaFe', [0xca, 0xfe]],
    ['abc', null],
    ['zz', null],
    ['0x12', null],
    [' ab', null],
    ['ab\n', null],
    [42, null],
    [undefined, null],
  ])('tryDecodeHex(%j) → %j', (input, bytes) => {
    const decoded = tryDecodeHex(input);
    expect(decoded === undefined ? null : [...decoded]).toEqual(bytes);
  });

  it.each([
    [[], ''],
    [[0, 15, 16, 255], '000f10ff'],
  ])('bytesToHex(%o) → %s, and back', (bytes, text) => {
    expect(bytesToHex(new Uint8Array(bytes))).toBe(text);
    expect([...(tryDecodeHex(text) ?? [])]).toEqual(bytes);
  });

  it('concatBytes joins in order', () => {
    const joined = concatBytes(new Uint8Array([1]), new Uint8Array(0), new Uint8Array([2, 3]));
    expect([...joined]).toEqual([1, 2, 3]);
  });
});
