import { describe, expect, it } from 'vitest';
import { isAcceptableCost } from '../../../lib/crypto/argon2-phc';
import { argon2idRaw } from '../../../lib/crypto/argon2id';
import {
  KDF_LIMITS,
  KdfParamsError,
  isTooCostly,
  kdfCostProblem,
  newKdfParams,
  parseKdfParams,
} from '../../../lib/crypto/kdf-params';

const cost = (memoryKiB: number, iterations: number, parallelism = 1) => ({
  memoryKiB,
  iterations,
  parallelism,
});

describe('the Argon2id work caps', () => {
  it('are the foreign files’ caps plus a total: 256 MiB, 16 passes, 256 MiB × 4', () => {
    expect(KDF_LIMITS.memoryKiB.max).toBe(262_144);
    expect(KDF_LIMITS.iterations.max).toBe(16);
    expect(KDF_LIMITS.workKiB).toBe(262_144 * 4);
  });

  it.each([
    [cost(65_536, 3), false],
    [cost(262_144, 4), false],
    [cost(65_536, 16), false],
    [cost(1_048_576, 64), true],
    [cost(1_048_576, 16), true],
    [cost(262_145, 1), true],
    [cost(8_192, 17), true],
    [cost(262_144, 5), true],
    [cost(2 ** 40, 1), false], // not an Argon2 cost at all: malformed, not "too costly"
    [cost(65_536, 3, 100), false],
  ])('isTooCostly(%o) → %s', (c, expected) => {
    expect(isTooCostly(c)).toBe(expected);
    if (expected) expect(kdfCostProblem(c)).toBeDefined();
  });

  it('parseKdfParams names the reason before any Argon2 runs', () => {
    const params = { ...newKdfParams(crypto), memoryKiB: 1_048_576, iterations: 64 };
    const started = performance.now();
    expect(() => parseKdfParams(params)).toThrow(
      expect.objectContaining({ reason: 'too-costly' }) as KdfParamsError,
    );
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('argon2idRaw refuses work over the cap, and foreign PHC costs share the total', async () => {
    const salt = new Uint8Array(16);
    await expect(argon2idRaw('x', salt, cost(262_144, 5), 32)).rejects.toThrow(RangeError);
    expect(isAcceptableCost(cost(262_144, 16))).toBe(false);
    expect(isAcceptableCost(cost(65_536, 3))).toBe(true);
  });

  it('newKdfParams refuses a cost over the caps', () => {
    expect(() => newKdfParams(crypto, { memoryKiB: 1_048_576 })).toThrow(RangeError);
  });
});
