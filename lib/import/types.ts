import type { MessageKey } from '../i18n';
import type { AppError } from '../app-error';
import type { AccountData } from '../otp/types';

/**
 * Where accounts come from on the manage page: a file (base64; our backup or another app's
 * export), an image with QR codes (a `data:` URL), or pasted text.
 */
export type ImportSource =
  | { kind: 'file'; name: string; base64: string }
  | { kind: 'image'; name: string; dataUrl: string }
  | { kind: 'text'; text: string };

/** A file handed to the importers. */
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

/**
 * Something a QR text or pasted text said that is not an account: an image without a QR code,
 * a QR code that is not for an authenticator, a URI that cannot become an account, or one QR
 * code of a Google export spread over several (`index` 0-based; progress is kept at commit).
 */
export type ImportNote =
  | { kind: 'no-qr' }
  | { kind: 'not-otp' }
  | { kind: 'invalid'; error: AppError }
  | { kind: 'batch'; batchId: number; index: number; size: number };

/** What one source holds, in our terms; nothing is stored until the user confirms. */
export interface ImportedEntries {
  /** What read it, e.g. `aegis`, `2fas`, `andotp`, `bitwarden-json`, `qr-text`. */
  format: string;
  accounts: AccountData[];
  skipped: SkippedEntry[];
  /** QR and pasted texts only: what was not an account, in source order. */
  notes?: ImportNote[];
}

export type BackupErrorCode =
  | 'password-required'
  | 'wrong-password'
  | 'corrupt'
  | 'too-costly'
  | 'unsupported-format'
  | 'unsupported-version';

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

/**
 * One export format, as an entry of the one ordered registry (`lib/import/registry.ts`).
 * `detect` must be cheap and certain; `read` throws BackupError.
 */
export interface Importer {
  format: string;
  /** Whether reading needs a password: never, only for an encrypted export, or always. */
  password: 'never' | 'if-encrypted' | 'always';
  detect(input: ImportInput): boolean;
  read(input: ImportInput, password?: string): Promise<ImportedEntries>;
}

/** What became of one QR code, URI or file entry in an import, as the user is told. */
export type ImportOutcome =
  /** `warning`: stored, but a site is unlikely to accept it (e.g. 10 digits), or a name twin. */
  /** `site`: the origin the import bound it to (a KOSMO page, or its issuer's KOSMO host). */
  | { kind: 'added'; title: string; warning?: AppError; site?: string }
  | { kind: 'duplicate'; title: string }
  | { kind: 'no-qr' }
  | { kind: 'not-otp' }
  | { kind: 'invalid'; error: AppError }
  /** An entry of an export we cannot generate codes for (Steam, MD5…): listed, never dropped. */
  | { kind: 'skipped'; title: string; error: AppError }
  /** A Google Authenticator export QR that is one of several; `missing` are 1-based. */
  | { kind: 'batch'; index: number; size: number; missing: number[] };

/**
 * How an entry relates to the vault: `new`; `existing` (the same key is already stored, or
 * earlier in the same source); `conflict` (an account with the same issuer and name but another
 * key is stored — both are kept).
 */
export type PreviewStatus = 'new' | 'existing' | 'conflict';

export interface PreviewItem {
  title: string;
  status: PreviewStatus;
  /** Hosts of the sites the entry would give codes to, so a look-alike binding is seen. */
  hosts: string[];
}

/** A read source, before anything is stored: `token` commits or discards it. */
export interface ImportPreview {
  token: string;
  /** What read it, e.g. `pc-authenticator`, `aegis`, `2fas`, `qr-text`. */
  format: string;
  items: PreviewItem[];
  skipped: SkippedEntry[];
  /** What was not an account (see {@link ImportNote}). */
  notes: ImportNote[];
}
