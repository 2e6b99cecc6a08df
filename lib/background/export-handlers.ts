import { accountTitle } from '../account-title';
import type { ExportData } from '../backup-protocol';
import { formatOtpauthUri } from '../otp/uri';
import { encodeMigrationUris } from '../otp/migration/encode';
import { migrationIncompatibility } from '../otp/migration/convert';
import type { AccountData } from '../otp/types';
import { unusedRecoveryCodes } from '../recovery-codes/codes';
import type { Vault } from '../vault/vault';
import type { PageHandlers } from './routes';

/** A random int32 for the `batch_id` shared by the QR codes of one export. */
function randomBatchId(crypto: Crypto): number {
  return crypto.getRandomValues(new Int32Array(1))[0]!;
}

/**
 * What the export section shows, computed for accounts in list order: every account's
 * `otpauth://` URI, and the Google Authenticator export QR texts (batches of 10) with the
 * accounts that format cannot hold.
 */
function exportData(accounts: readonly AccountData[], batchId: number): ExportData {
  const excluded: ExportData['excluded'] = [];
  const compatible: AccountData[] = [];
  for (const account of accounts) {
    const reason = migrationIncompatibility(account);
    if (reason === null) compatible.push(account);
    else excluded.push({ title: accountTitle(account), reason });
  }
  return {
    accounts: accounts.map((account) => ({
      title: accountTitle(account),
      uri: formatOtpauthUri(account),
      recoveryCodes: unusedRecoveryCodes(account),
    })),
    migration: encodeMigrationUris(compatible, { batchId }),
    excluded,
  };
}

/** 'export.open': the master password again (failures count as for unlocking), then secrets. */
export function exportHandlers(vault: Vault, crypto: Crypto) {
  return {
    'export.open': async ({ password }) => {
      await vault.verifyPassword(password);
      const { accounts } = await vault.listAccounts();
      return exportData(accounts, randomBatchId(crypto));
    },
  } satisfies PageHandlers;
}
