import { VaultError } from '../vault/errors';
import type { Vault } from '../vault/vault';
import { InputError } from './errors';
import { isWipeWord } from './manage-handlers';
import type { PageHandlers } from './routes';

interface RecoveryDeps {
  /** Lets pages waiting for the vault carry on (as after an unlock). */
  onUnlocked: () => void;
  /** After a wipe: forgets what lives beside the vault in `storage.local`, not settings. */
  clearLocal: () => Promise<void>;
}

/**
 * The recovery key and the way back from a forgotten password (extension pages only). The key
 * itself crosses to a page only twice: in the reply to `recovery.create`, which needs the master
 * password, and from `recovery.pending` until the user says they wrote it down.
 */
export function recoveryHandlers(vault: Vault, deps: RecoveryDeps) {
  return {
    'recovery.info': () => vault.recoveryInfo(),
    'recovery.create': ({ password }) => {
      // A missing one is no guess: refused before the check. A wrong one counts in the lockout.
      if (typeof password !== 'string' || password === '') throw new VaultError('wrong-password');
      return vault.createRecoveryKey(password);
    },
    'recovery.pending': async () => (await vault.pendingRecoveryKey()) ?? null,
    'recovery.confirm': () => vault.confirmRecoveryKey().then(() => null),
    'vault.recover': async ({ recoveryKey, newPassword }) => {
      if (typeof newPassword !== 'string') throw new VaultError('password-too-short');
      await vault.recover(recoveryKey, newPassword);
      deps.onUnlocked();
      return null;
    },
    'vault.wipe-locked': async ({ confirmation }) => {
      if (!isWipeWord(confirmation)) throw new InputError('error_wipe_confirmation');
      // While unlocked the master password is asked (`vault.wipe`): no bypass with a word alone.
      if ((await vault.status()) === 'unlocked') throw new InputError('error_wipe_unlocked');
      await vault.destroy();
      await deps.clearLocal();
      return null;
    },
  } satisfies PageHandlers;
}
