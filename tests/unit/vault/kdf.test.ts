import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF_COST, newKdfParams, type KdfParams } from '../../../lib/crypto/kdf-params';
import { Vault } from '../../../lib/vault/vault';
import { parseHeaderKdf } from '../../../lib/vault/header';
import { PASSWORD, sampleAccount, setup } from './helpers';

// Argon2id itself (known answers, costs, parameter checks) is tested in tests/unit/crypto.
describe("the vault's key derivation", () => {
  it.each([
    [{ algorithm: 'scrypt' }, 'unsupported-kdf'],
    [{ algorithm: 'argon2i' }, 'unsupported-kdf'],
    [{ algorithm: undefined }, 'unsupported-kdf'],
    [{ salt: 'AAAA' }, 'corrupt-header'],
    [{ salt: 42 }, 'corrupt-header'],
    [{ parallelism: 100 }, 'corrupt-header'],
    // A tampered header must not cost 24 s per unlock: refused before Argon2 runs.
    [{ memoryKiB: 1_048_576, iterations: 16 }, 'corrupt-header'],
    [{ memoryKiB: 262_144, iterations: 17 }, 'corrupt-header'],
    [{ memoryKiB: 262_144, iterations: 5 }, 'corrupt-header'],
  ])('parseHeaderKdf(%o) → %s', (change, code) => {
    const value = { ...newKdfParams(crypto), ...change };
    expect(() => parseHeaderKdf(value)).toThrow(expect.objectContaining({ code }));
  });

  it('the real default cost (64 MiB, t=3, p=1) creates and unlocks a vault', async () => {
    const env = setup();
    await env.vault.create(PASSWORD); // no kdf override: DEFAULT_KDF_COST
    const header = (await env.db.meta.get('header'))?.value as { slots: [{ kdf: KdfParams }] };
    expect(header.slots[0].kdf).toMatchObject({ algorithm: 'argon2id', ...DEFAULT_KDF_COST });
    expect(DEFAULT_KDF_COST).toEqual({ memoryKiB: 65536, iterations: 3, parallelism: 1 });
    const added = await env.vault.addAccount(sampleAccount());
    await env.vault.lock();
    const fresh = new Vault({ db: env.db, session: env.session, crypto, now: env.clock.now });
    await fresh.unlock(PASSWORD);
    expect((await fresh.listAccounts()).accounts).toEqual([added]);
  });
});
