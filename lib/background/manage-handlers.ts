import { trustedAfterEdit } from '../trusted-sites';
import { VaultError } from '../vault/errors';
import type { Vault } from '../vault/vault';
import { checkAccountPatch } from './account-patch';
import { InputError } from './errors';
import type { PageHandlers } from './routes';

/** The words the manage page asks the user to type before everything is deleted. */
const WIPE_WORDS: readonly string[] = ['削除', 'DELETE'];

interface ManageDeps {
  /** Forgets what lives beside the vault in `storage.local` (sites, backup state), not settings. */
  clearLocal: () => Promise<void>;
}

/** The manage page's account, password and wipe requests (extension pages only). */
export function manageHandlers(vault: Vault, deps: ManageDeps) {
  return {
    'accounts.update': async ({ id, patch }) => {
      const clean = checkAccountPatch(patch);
      const { accounts } = await vault.listAccounts();
      const current = accounts.find((account) => account.id === id);
      if (current) {
        const issuer = clean.issuer ?? current.issuer;
        const name = clean.name ?? current.name;
        // A row with neither name could not be told apart from the others.
        if (!issuer && !name) throw new InputError('error_title_empty');
      }
      // Sites the user added here are theirs; removed ones lose their trust (lib/trusted-sites).
      const trust = current &&
        clean.sites && { trustedSites: trustedAfterEdit(current, clean.sites) };
      await vault.updateAccount(id, { ...clean, ...trust });
      return null;
    },
    'accounts.reorder': ({ ids }) => vault.reorder(ids).then(() => null),
    'vault.change-password': async ({ oldPassword, newPassword }) => {
      await vault.changePassword(oldPassword, newPassword);
      return null;
    },
    'vault.info': async () => {
      const { kdf, createdAt } = await vault.info();
      const { algorithm, memoryKiB, iterations, parallelism } = kdf;
      return { kdf: { algorithm, memoryKiB, iterations, parallelism }, createdAt };
    },
    'vault.wipe': async ({ confirmation, password }) => {
      if (!isWipeWord(confirmation)) throw new InputError('error_wipe_confirmation');
      // Someone at an unlocked (or locked) PC must not erase the user's keys with one word: the
      // vault must be open and the master password checked here, failures counted like unlock.
      if ((await vault.status()) !== 'unlocked') throw new VaultError('locked');
      if (typeof password !== 'string') throw new VaultError('wrong-password');
      await vault.verifyPassword(password);
      await vault.destroy();
      await deps.clearLocal();
      return null;
    },
  } satisfies PageHandlers;
}

/** 「削除」 or `DELETE`, as typed: surrounding spaces and full-width letters are forgiven. */
export function isWipeWord(value: unknown): boolean {
  return typeof value === 'string' && WIPE_WORDS.includes(value.normalize('NFKC').trim());
}
