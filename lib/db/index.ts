export type { AccountRecord, MetaKey, MetaRow, SealedBox } from './records';
export { VAULT_DB_NAME, VaultDatabase, type VaultDatabaseOptions } from './vault-database';
