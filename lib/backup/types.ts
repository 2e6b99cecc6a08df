import type { MessageKey } from '../i18n';
import type { AccountData } from '../otp/types';

/** A file (or pasted text) handed to the importers. */
export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

/** An entry we read but cannot generate codes for (Steam, Battle.net, Yandex, MD5…). */
export interface SkippedEntry {
  title: string;
  /** An i18n message key, e.g. `import_skipped_unsupported_type`. */
  reason: MessageKey;
}

/** What one file holds, in our terms; nothing is stored until the user confirms. */
export interface ImportedEntries {
  /** The importer that read it, e.g. `aegis`, `2fas`, `andotp`, `bitwarden-json`. */
  format: string;
  accounts: AccountData[];
  skipped: SkippedEntry[];
}

export type BackupErrorCode =
  'password-required' | 'wrong-password' | 'corrupt' | 'unsupported-format' | 'unsupported-version';

/** A whole file that cannot be imported; the message never contains a secret or the password. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    /** The format it was recognised as, if any. */
    readonly format?: string,
  ) {
    super(`Import failed: ${code}${format ? ` (${format})` : ''}`);
    this.name = 'BackupError';
  }
}

/** One export format. `detect` must be cheap and certain; `read` throws BackupError. */
export interface Importer {
  format: string;
  detect(input: ImportInput): boolean;
  read(input: ImportInput, password?: string): Promise<ImportedEntries>;
}
