import { checkValue } from './recovery-check';

/**
 * The recovery key printed on the emergency kit: 28 random characters of Crockford's Base32
 * (5 bits each: 140 bits), written as 7 groups of 4 characters plus a check character, e.g.
 * `7KQ2M-XW4D9-…`. Copied by hand from paper, so it reads leniently (lower case, full-width,
 * O for 0, I and L for 1, any dashes or spaces) and names the group where a typo is.
 *
 * @see https://www.crockford.com/base32.html
 */

/** Crockford's Base32: digits and capitals without I, L, O and U (easily misread). */
export const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const RECOVERY_GROUPS = 7;
const DATA_PER_GROUP = 4;
/** Characters per written group: the data and its check character. */
export const GROUP_LENGTH = DATA_PER_GROUP + 1;
/** Random bits in a key: 28 characters × 5 bits. */
export const RECOVERY_KEY_BITS = RECOVERY_GROUPS * DATA_PER_GROUP * 5;

/** Letters read as the digit they look like (Crockford's decoding rules). */
const ALIASES: Record<string, string> = { O: '0', I: '1', L: '1' };
/** Anything that separates groups when typed: spaces, ASCII and Japanese dashes. */
const SEPARATORS = /[\s\-‐‑‒–—―−ー_.・]+/u;

/** A new key: its secret (what Argon2id hashes) and how it is shown. */
export interface RecoveryKey {
  /** The 28 data characters, no separators or check characters. */
  secret: string;
  /** The 7 groups with their check characters, joined with `-`. */
  display: string;
}

/** Why typed text is not a recovery key; `group` is 1-based. */
export type RecoveryKeyProblem =
  { kind: 'empty' } | { kind: 'group'; group: number } | { kind: 'length'; count: number };

/** Typed text that is not a well-formed recovery key (a typo); says where, never what. */
export class RecoveryKeyError extends Error {
  readonly problem: RecoveryKeyProblem;

  constructor(problem: RecoveryKeyProblem) {
    super(
      problem.kind === 'group'
        ? `recovery key: group ${problem.group} looks mistyped`
        : `recovery key: ${problem.kind}`,
    );
    this.name = 'RecoveryKeyError';
    this.problem = problem;
  }
}

/** Writes data values (0…31) as a displayed key with its check characters. */
function display(values: readonly number[]): string {
  const groups: string[] = [];
  for (let g = 0; g < RECOVERY_GROUPS; g += 1) {
    const data = values.slice(g * DATA_PER_GROUP, (g + 1) * DATA_PER_GROUP);
    const chars = [...data, checkValue(data, g)].map((v) => RECOVERY_ALPHABET[v]!);
    groups.push(chars.join(''));
  }
  return groups.join('-');
}

/**
 * A fresh key from `crypto.getRandomValues`: one byte per character, its low 5 bits (256 is a
 * multiple of 32, so every character is equally likely).
 */
export function generateRecoveryKey(crypto: Pick<Crypto, 'getRandomValues'>): RecoveryKey {
  const bytes = crypto.getRandomValues(new Uint8Array(RECOVERY_GROUPS * DATA_PER_GROUP));
  const values = [...bytes].map((b) => b & 31);
  bytes.fill(0);
  return { secret: values.map((v) => RECOVERY_ALPHABET[v]).join(''), display: display(values) };
}

/** Upper case ASCII with the look-alike letters read as digits. */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[OIL]/g, (c) => ALIASES[c]!);
}

/** The data values of one written group at position `g`, or `undefined` if it is mistyped. */
function readGroup(group: string, g: number): number[] | undefined {
  if (group.length !== GROUP_LENGTH) return undefined;
  const values = [...group].map((c) => RECOVERY_ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return undefined;
  const data = values.slice(0, DATA_PER_GROUP);
  return checkValue(data, g) === values[DATA_PER_GROUP] ? data : undefined;
}

/**
 * Reads a typed key. Groups are taken as the user separated them, or every 5 characters when
 * they typed none; the first group that is too short or long, holds a character outside the
 * alphabet or fails its check is named. Throws {@link RecoveryKeyError}.
 */
export function parseRecoveryKey(input: unknown): RecoveryKey {
  const text = typeof input === 'string' ? normalize(input).trim() : '';
  const parts = text.split(SEPARATORS).filter((part) => part !== '');
  if (parts.length === 0) throw new RecoveryKeyError({ kind: 'empty' });
  const joined = parts.join('');
  const separated = parts.length > 1 && joined.length !== RECOVERY_GROUPS * GROUP_LENGTH;
  const groups = separated ? parts : (joined.match(/.{1,5}/gu) ?? []);
  const values: number[] = [];
  for (let g = 0; g < Math.min(groups.length, RECOVERY_GROUPS); g += 1) {
    const data = readGroup(groups[g]!, g);
    if (!data) throw new RecoveryKeyError({ kind: 'group', group: g + 1 });
    values.push(...data);
  }
  if (groups.length !== RECOVERY_GROUPS) {
    throw new RecoveryKeyError({ kind: 'length', count: joined.length });
  }
  return { secret: values.map((v) => RECOVERY_ALPHABET[v]).join(''), display: display(values) };
}
