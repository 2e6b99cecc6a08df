import { describe, expect, it } from 'vitest';
import {
  bytesToBase64,
  bytesToBase64NoPad,
  decodeBase64Lenient,
  decodeBase64Strict,
} from '../../../lib/crypto/base64';

/** What a decoder gives: the bytes, or `null` when it refuses the input. */
function strict(value: unknown): number[] | null {
  try {
    return [...decodeBase64Strict(value)];
  } catch {
    return null;
  }
}

function lenient(value: unknown): number[] | null {
  const bytes = decodeBase64Lenient(value);
  return bytes === undefined ? null : [...bytes];
}

describe('base64', () => {
  it.each([[[]], [[0]], [[0, 255]], [[1, 2, 3]], [[251, 255, 191, 0, 16]]])(
    'round-trips %o',
    (bytes) => {
      const encoded = bytesToBase64(new Uint8Array(bytes));
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
      expect([...decodeBase64Strict(encoded)]).toEqual(bytes);
      expect([...(decodeBase64Lenient(encoded) ?? [])]).toEqual(bytes);
    },
  );

  it.each([['abc'], ['ab=c'], ['a b='], ['####'], [42], [undefined]])('rejects %o', (value) => {
    expect(() => decodeBase64Strict(value, 'field')).toThrow(new TypeError('field is not base64'));
  });

  // input, strict (padded, exactly as we write it), lenient (other apps' files)
  it.each<[unknown, number[] | null, number[] | null]>([
    ['', [], []],
    ['AA==', [0], [0]],
    ['AAA=', [0, 0], [0, 0]],
    ['AAAA', [0, 0, 0], [0, 0, 0]],
    ['+/8=', [251, 255], [251, 255]],
    ['AA', null, [0]],
    ['AAA', null, [0, 0]],
    ['AQID\nBA==', null, [1, 2, 3, 4]],
    ['AQID\r\nBA', null, [1, 2, 3, 4]],
    ['A', null, null],
    ['AAAAA', null, null],
    ['AA=', null, null],
    ['A===', null, null],
    ['AAAA=', null, null],
    ['AAAA==', null, null],
    ['=AAA', null, null],
    ['AA=A', null, null],
    ['AA AA', null, null],
    ['AA-_', null, null],
    ['AAAA\t', null, null],
    ['ÄÄÄÄ', null, null],
    [42, null, null],
    [null, null, null],
    [undefined, null, null],
  ])('%j → strict %j, lenient %j', (input, strictBytes, lenientBytes) => {
    expect(strict(input)).toEqual(strictBytes);
    expect(lenient(input)).toEqual(lenientBytes);
  });

  it('never names the value in its error', () => {
    expect(() => decodeBase64Strict('secret!', 'token')).toThrow(/^token is not base64$/);
  });

  it('decodes 20 MB quickly, without a stack overflow', () => {
    const text = 'QUJD'.repeat(5 * 1024 * 1024);
    const started = performance.now();
    const expected = Buffer.from('ABC'.repeat(5 * 1024 * 1024));
    expect(Buffer.from(decodeBase64Strict(text)).equals(expected)).toBe(true);
    const wrapped = text.replace(/.{76}/g, '$&\n');
    expect(Buffer.from(decodeBase64Lenient(wrapped) ?? []).equals(expected)).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('encodes 15 MB and reads it back', () => {
    const bytes = new Uint8Array(15 * 1024 * 1024).map((_, i) => i * 7);
    const encoded = bytesToBase64(bytes);
    expect(encoded).toHaveLength(20 * 1024 * 1024);
    expect(Buffer.from(decodeBase64Strict(encoded)).equals(bytes)).toBe(true);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
  });

  it.each([
    [[1, 2, 3, 4], 'AQIDBA'],
    [[1, 2, 3, 4, 5], 'AQIDBAU'],
    [[1, 2, 3], 'AQID'],
    [[], ''],
  ])('writes %o without padding as %s', (bytes, text) => {
    expect(bytesToBase64NoPad(new Uint8Array(bytes))).toBe(text);
    expect(lenient(text)).toEqual(bytes);
  });
});
