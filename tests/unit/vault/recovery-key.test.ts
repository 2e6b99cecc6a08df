import { describe, expect, it, vi } from 'vitest';
import { checkValue, gfMultiply } from '../../../lib/vault/recovery-check';
import {
  GROUP_LENGTH,
  RECOVERY_ALPHABET,
  RECOVERY_GROUPS,
  RECOVERY_KEY_BITS,
  RecoveryKeyError,
  generateRecoveryKey,
  parseRecoveryKey,
  type RecoveryKeyProblem,
} from '../../../lib/vault/recovery-key';

const FORMAT = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){6}$/;

/** What parseRecoveryKey refuses `text` for, or `null` when it reads. */
function problemOf(text: string): RecoveryKeyProblem | null {
  try {
    parseRecoveryKey(text);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(RecoveryKeyError);
    return (error as RecoveryKeyError).problem;
  }
}

/** `key` with the character at `index` (in the displayed text) replaced. */
const replaced = (key: string, index: number, char: string) =>
  key.slice(0, index) + char + key.slice(index + 1);

/** The key whose 28 data characters have these values, for tables that need known keys. */
function keyFrom(values: number[]) {
  const getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
    (array as unknown as Uint8Array).set(values);
    return array;
  };
  return generateRecoveryKey({ getRandomValues } as Pick<Crypto, 'getRandomValues'>);
}

describe('generating a recovery key', () => {
  it('takes its randomness from crypto.getRandomValues, 5 bits per character', () => {
    const getRandomValues = vi.fn(<T extends ArrayBufferView | null>(array: T): T => {
      const bytes = array as unknown as Uint8Array;
      bytes.forEach((_, i) => (bytes[i] = i * 37 + 0xe0)); // high bits must be dropped
      return array;
    });
    const key = generateRecoveryKey({ getRandomValues } as Pick<Crypto, 'getRandomValues'>);
    expect(getRandomValues).toHaveBeenCalledTimes(1);
    expect((getRandomValues.mock.calls[0]![0] as Uint8Array).length).toBe(28);
    const expected = [...Array(28).keys()].map((i) => RECOVERY_ALPHABET[(i * 37 + 0xe0) & 31]);
    expect(key.secret).toBe(expected.join(''));
    expect(key.display).toMatch(FORMAT);
    expect(key.display.replace(/-/g, '').replace(/(.{4})./g, '$1')).toBe(key.secret);
  });

  it('has at least 128 bits: 7 groups of 4 random characters (5 bits) and a check', () => {
    expect(RECOVERY_KEY_BITS).toBeGreaterThanOrEqual(128);
    expect(RECOVERY_ALPHABET).toHaveLength(32);
    expect(new Set(RECOVERY_ALPHABET).size).toBe(32);
    expect(RECOVERY_ALPHABET).not.toMatch(/[ILOU]/);
    expect(generateRecoveryKey(crypto).display).toMatch(FORMAT);
  });

  it('uses every character about equally often, and never repeats a key', () => {
    const counts = new Map<string, number>();
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const { secret } = generateRecoveryKey(crypto);
      seen.add(secret);
      for (const c of secret) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(seen.size).toBe(2000);
    // 56 000 characters: 1750 expected each; ±15 % is > 10 standard deviations.
    expect(counts.size).toBe(32);
    for (const count of counts.values()) expect(Math.abs(count - 1750)).toBeLessThan(263);
  });

  it('reads back what it wrote', () => {
    for (let i = 0; i < 50; i += 1) {
      const key = generateRecoveryKey(crypto);
      expect(parseRecoveryKey(key.display)).toEqual(key);
    }
  });
});

describe('the check character of each group', () => {
  it('is built on GF(32): every weight is invertible', () => {
    for (const weight of [1, 2, 4, 8, 16, 5]) {
      const products = new Set([...Array(32).keys()].map((x) => gfMultiply(weight, x)));
      expect(products.size).toBe(32);
    }
    expect(checkValue([0, 0, 0, 0], 0)).not.toBe(checkValue([0, 0, 0, 0], 1));
  });

  const keys = [
    generateRecoveryKey(crypto).display,
    generateRecoveryKey(crypto).display,
    keyFrom(Array(28).fill(0)).display,
    keyFrom(Array(28).fill(31)).display,
  ];
  const positions = keys.flatMap((key) =>
    [...Array(RECOVERY_GROUPS).keys()].flatMap((group) =>
      [...Array(GROUP_LENGTH).keys()].map((at) => [key, group + 1, at + 1] as const),
    ),
  );

  it.each(positions)(
    'catches every other character at %s, group %i, character %i — in that group',
    (key, group, at) => {
      const index = (group - 1) * (GROUP_LENGTH + 1) + (at - 1);
      const original = key[index]!;
      for (const char of RECOVERY_ALPHABET.replace(original, '')) {
        expect(problemOf(replaced(key, index, char))).toEqual({ kind: 'group', group });
      }
      // Characters outside the alphabet (U, punctuation, kana) are named the same way.
      for (const char of ['U', '#', 'あ', '+']) {
        expect(problemOf(replaced(key, index, char))).toEqual({ kind: 'group', group });
      }
    },
  );

  it.each(positions.filter(([, , at]) => at < GROUP_LENGTH))(
    'catches two swapped neighbours at %s, group %i, characters %i and the next',
    (key, group, at) => {
      const index = (group - 1) * (GROUP_LENGTH + 1) + (at - 1);
      const [a, b] = [key[index]!, key[index + 1]!];
      if (a === b) return;
      const swapped = key.slice(0, index) + b + a + key.slice(index + 2);
      expect(problemOf(swapped)).toEqual({ kind: 'group', group });
    },
  );

  it('catches two groups swapped, naming the first', () => {
    const groups = keys[0]!.split('-');
    [groups[2], groups[5]] = [groups[5]!, groups[2]!];
    expect(problemOf(groups.join('-'))).toEqual({ kind: 'group', group: 3 });
  });
});

describe('reading a typed key', () => {
  const key = generateRecoveryKey(crypto);
  const display = key.display;

  it.each([
    ['lower case', display.toLowerCase()],
    ['spaces instead of dashes', display.replace(/-/g, ' ')],
    ['no separators', display.replace(/-/g, '')],
    [
      'full-width, from a Japanese IME',
      display.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
    ],
    ['katakana long-vowel marks as dashes', display.replace(/-/g, 'ー')],
    ['surrounding spaces and a line break', `  ${display.slice(0, 17)}\n${display.slice(17)}  `],
    [
      'O for 0, I and L for 1',
      display.replace(/0/g, 'O').replace(/1/g, (_, i: number) => (i % 2 ? 'I' : 'l')),
    ],
  ])('accepts %s', (_, typed) => {
    expect(parseRecoveryKey(typed)).toEqual(key);
  });

  it.each([
    ['nothing', '', { kind: 'empty' }],
    ['only dashes', ' - - ', { kind: 'empty' }],
    ['not a string', 42, { kind: 'empty' }],
    ['the last group missing', display.slice(0, 35), { kind: 'length', count: 30 }],
    ['a character too many in the last group', `${display}7`, { kind: 'group', group: 7 }],
    [
      'a character too many, no dashes',
      `${display.replace(/-/g, '')}7`,
      { kind: 'length', count: 36 },
    ],
  ] as const)('refuses %s', (_, typed, problem) => {
    expect(problemOf(typed as string)).toEqual(problem);
  });

  it('names the group a character was left out of, when typed with dashes', () => {
    const withDashes = display.slice(0, 13) + display.slice(14); // group 3 has 4 characters
    expect(problemOf(withDashes)).toEqual({ kind: 'group', group: 3 });
  });

  it('without dashes, names the first group that no longer checks (1 in 32: the next one)', () => {
    // Group 3 then ends with group 4's first character, which fails its check 31 times in 32.
    const plain = keyFrom([...Array(28).keys()]).display.replace(/-/g, '');
    expect(problemOf(plain.slice(0, 11) + plain.slice(12))).toEqual({ kind: 'group', group: 3 });
  });

  it('never puts the typed text in its message', () => {
    const typo = replaced(display, 0, display[0] === 'A' ? 'B' : 'A');
    expect(() => parseRecoveryKey(typo)).toThrow(/^recovery key: group 1 looks mistyped$/);
  });
});
