import type { VaultDatabase } from '../db/vault-database';
import { openAccount, sealAccount } from '../vault/account-codec';
import { checkAccountData } from '../vault/account-data';
import * as meta from '../vault/meta-store';
import type { LocalAccount, LocalReplica } from './ports';

/** What the local side of sync runs on: the vault's database and its unlocked data key. */
interface VaultLocalDeps {
  db: VaultDatabase;
  crypto: Crypto;
  dek: CryptoKey;
  now: () => number;
}

/**
 * The local vault as the sync engine sees it. A record's IV is its change token (every write
 * seals with a fresh one); accounts from another PC go to the end of the list.
 */
export function vaultLocal({ db, crypto, dek, now }: VaultLocalDeps): LocalReplica {
  return {
    async accounts() {
      const records = await db.accounts.toArray();
      return Promise.all(
        records.map(async (record): Promise<LocalAccount> => {
          try {
            const data = checkAccountData(await openAccount(crypto, dek, record));
            return { id: record.id, token: record.iv, data };
          } catch {
            return { id: record.id, token: record.iv };
          }
        }),
      );
    },
    async write(id, data) {
      const sealed = await sealAccount(crypto, dek, id, 0, data, now());
      await db.transaction('rw', db.accounts, async () => {
        const existing = await db.accounts.get(id);
        const last = await db.accounts.orderBy('order').last();
        const order = existing?.order ?? (last === undefined ? 0 : last.order + 1);
        await db.accounts.put({ ...sealed, order });
      });
      return sealed.iv;
    },
    remove: (id) => db.accounts.delete(id),
    slots: async () => (await meta.readHeader(db)).slots,
    async writeSlots(slots) {
      await db.transaction('rw', db.meta, async () => {
        const header = await meta.readHeader(db);
        await meta.writeHeader(db, { ...header, slots });
      });
    },
  };
}
