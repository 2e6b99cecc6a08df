import { validateAccountData, type AccountInput } from '../otp/account';
import { isOtpError } from '../otp/errors';
import { IMPORT_LIMITS } from '../otp/fields';
import type { AccountData } from '../otp/types';
import { SKIP_REASONS, skipReasonOf, type SkipReason } from './importer-skip-reasons';
import type { ImportedEntries, SkippedEntry } from './types';

/** A field of an entry that is neither absent nor of a usable kind (e.g. `digits: {}`). */
class BadField extends Error {}

/** A JSON string field: the text, `undefined` when absent or `null`; throws for other kinds. */
export function textField(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  throw new BadField();
}

/** A JSON number field (or numeric text): as is, `undefined` when absent; throws otherwise. */
export function numberField(value: unknown): number | string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw new BadField();
}

/**
 * The entries of one file, in file order: each becomes an account (checked with
 * `validateAccountData(…, IMPORT_LIMITS)`, no sites) or a skipped entry with its reason.
 */
export class EntryList {
  private readonly accounts: AccountData[] = [];
  private readonly skipped: SkippedEntry[] = [];
  private count = 0;

  /** Number of entries added so far (accounts and skipped). */
  get size(): number {
    return this.count;
  }

  /**
   * Adds one entry. `read` builds the {@link AccountInput} from the raw entry (it may throw an
   * `OtpError`, or use {@link textField}/{@link numberField}, which throw for a field of the
   * wrong kind); `title` names it if it must be skipped.
   */
  add(title: string, read: () => AccountInput): void {
    this.count += 1;
    try {
      this.accounts.push(validateAccountData({ ...read(), sites: [] }, IMPORT_LIMITS));
    } catch (err) {
      if (isOtpError(err)) this.skipped.push({ title, reason: skipReasonOf(err) });
      else if (err instanceof BadField) this.skipped.push({ title, reason: SKIP_REASONS.invalid });
      else throw err;
    }
  }

  /** Lists an entry that cannot be imported. */
  skip(title: string, reason: SkipReason): void {
    this.count += 1;
    this.skipped.push({ title, reason });
  }

  /** The accounts and skipped entries so far, under `format`. */
  result(format: string): ImportedEntries {
    return { format, accounts: [...this.accounts], skipped: [...this.skipped] };
  }
}
