import { passwordStrength } from '../password-strength';
import { syncReportItem, syncStateItem } from '../storage';
import { keyCheckValue, shortFingerprint } from '../sync/cipher';
import { HEADER_KEY, parseSyncedHeader, type SyncedHeader } from '../sync/items';
import { joinFresh, joinFreshWithRecoveryKey, joinWithLocal, type JoinDeps } from '../sync/join';
import { slotsToken, type SyncArea } from '../sync/ports';
import { newStoredSync } from '../sync/stored';
import { VaultError } from '../vault/errors';
import type { Vault } from '../vault/vault';
import { InputError } from './errors';
import type { PageHandlers } from './routes';
import type { SyncService } from './sync-service';

interface SyncHandlerDeps extends JoinDeps {
  area: SyncArea;
  service: SyncService;
}

/** The synced header, `undefined` when there is none, `null` when it is damaged. */
async function remoteHeader(area: SyncArea): Promise<SyncedHeader | null | undefined> {
  const raw = (await area.get())[HEADER_KEY];
  return raw === undefined ? undefined : (parseSyncedHeader(raw) ?? null);
}

/** The manage page's and the first run's sync requests (extension pages only). */
export function syncHandlers(vault: Vault, deps: SyncHandlerDeps) {
  const { area, service, session, crypto } = deps;

  /** Turns sync on for this PC, keeping what it knew; the header's version is the synced one. */
  const enableWith = (header?: SyncedHeader) =>
    service.exclusive(async () => {
      const state = (await syncStateItem.getValue()) ?? newStoredSync(crypto, header?.vaultId);
      const joined = header && {
        vaultId: header.vaultId,
        header: { rev: header.rev, dev: header.dev, token: slotsToken(header.slots) },
        entries: {},
        clock: 0,
      };
      await syncStateItem.setValue({ ...state, ...joined, enabled: true });
    });

  return {
    'sync.status': async () => {
      const state = await syncStateItem.getValue();
      const key = await session.key();
      const kcv = key && (await keyCheckValue(crypto, key));
      const header = await remoteHeader(area);
      const remote =
        header === undefined
          ? 'none'
          : header === null
            ? 'unreadable'
            : !kcv || header.kcv === kcv
              ? 'same'
              : 'other';
      return {
        enabled: state?.enabled ?? false,
        last: await syncReportItem.getValue(),
        fingerprint: kcv ? shortFingerprint(kcv) : null,
        remote,
        remoteFingerprint: header ? shortFingerprint(header.kcv) : null,
      };
    },
    'sync.enable': async ({ password }) => {
      if ((await vault.status()) !== 'unlocked') throw new VaultError('locked');
      await vault.verifyPassword(password);
      // Whoever gets into the browser account gets the ciphertext: only the password guards it.
      if (passwordStrength(password) === 'weak') throw new InputError('error_sync_weak_password');
      await enableWith();
      return (await service.run()) ?? null;
    },
    'sync.disable': async () => {
      await service.exclusive(async () => {
        const state = await syncStateItem.getValue();
        if (state) await syncStateItem.setValue({ ...state, enabled: false });
      });
      return null;
    },
    'sync.remove-remote': async () => {
      await service.exclusive(async () => {
        await area.remove(Object.keys(await area.get()));
        // Forget the versions too: a later start pushes everything again as new.
        await syncStateItem.setValue(newStoredSync(crypto));
        await syncReportItem.removeValue();
      });
      return null;
    },
    'sync.now': async () => (await service.run()) ?? null,
    'sync.offer': async () => (await vault.status()) === 'none' && !!(await remoteHeader(area)),
    'sync.join': async (data) => {
      const header = await remoteHeader(area);
      if (!header) throw new InputError('error_sync_no_remote');
      const status = await vault.status();
      if ('recoveryKey' in data) {
        if (status !== 'none') throw new VaultError('exists');
        await joinFreshWithRecoveryKey(deps, header, data.recoveryKey, data.newPassword);
      } else if (status === 'none') {
        await joinFresh(deps, header, data.password);
      } else {
        if (status !== 'unlocked') throw new VaultError('locked');
        await joinWithLocal(deps, header, await area.get(), data.password);
      }
      await enableWith(header);
      return (await service.run()) ?? null;
    },
  } satisfies PageHandlers;
}
