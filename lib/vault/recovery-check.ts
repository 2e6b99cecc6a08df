/**
 * The check character of one group of the recovery key, over GF(32) (Crockford's 32 symbols are
 * the field's elements). Each data character and the group's position are multiplied by their
 * own non-zero weight and added up, so
 *
 * - any single substitution changes the sum (a non-zero weight times a non-zero change is never
 *   zero in a field): every one-character typo is caught in its group;
 * - swapping two neighbours changes it too (the weights differ), and so does copying a whole
 *   group into the wrong place (the group's number is part of the sum).
 *
 * @see https://en.wikipedia.org/wiki/Finite_field_arithmetic
 */

/** x⁵ + x² + 1, a primitive polynomial of degree 5: its powers of x (2) reach all 31 non-zeros. */
const POLYNOMIAL = 0b100101;

/** Multiplies two elements of GF(32) (values 0…31). */
export function gfMultiply(a: number, b: number): number {
  let product = 0;
  let x = a;
  for (let y = b; y > 0; y >>= 1) {
    if (y & 1) product ^= x;
    x <<= 1;
    if (x & 0b100000) x ^= POLYNOMIAL;
  }
  return product;
}

/** α¹…α⁴ for the four data characters, α⁵ for the group's number; the check itself weighs 1. */
const DATA_WEIGHTS = [2, 4, 8, 16] as const;
const GROUP_WEIGHT = 5;

/**
 * The check value (0…31) of a group's data values at position `group` (0-based): the one that
 * makes the weighted sum zero.
 */
export function checkValue(data: readonly number[], group: number): number {
  if (data.length !== DATA_WEIGHTS.length) throw new RangeError('a group has 4 data characters');
  let sum = gfMultiply(GROUP_WEIGHT, (group + 1) & 31);
  data.forEach((value, i) => (sum ^= gfMultiply(DATA_WEIGHTS[i]!, value)));
  return sum;
}
