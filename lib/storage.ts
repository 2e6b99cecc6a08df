import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { parseBackupStatus, type BackupStatus } from './backup-protocol';
import { parseClockCorrection } from './clock';
import { parseRecoveryAwait } from './recovery-codes/settle';
import { parseReminderState } from './reminders';
import { parseSettings, type Settings } from './settings';
import { strictOrigin } from './site-origin';
import type { SyncReport } from './sync/engine';
import { parseStoredSync } from './sync/stored';
import { SESSION_KEYS } from './vault/session-keys';
import type { SessionStore } from './vault/session-store';

/**
 * Every key the extension keeps in `chrome.storage`, declared once. Pages and the worker read,
 * write and watch these items, never raw keys. Stored values are checked on the way out: a broken
 * or missing value reads as the default, as a value from an older or newer version may be.
 * No item has a version yet: the first change of a stored shape adds `version` and a migration.
 *
 * @see https://wxt.dev/storage
 */

/** One stored value, always read through its parser. */
interface StoredValue<T> {
  readonly key: StorageItemKey;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls `onChange` with the parsed new value after every change (also by another page). */
  watch(onChange: (value: T) => void): () => void;
}

function parsedItem<T>(key: StorageItemKey, parse: (raw: unknown) => T): StoredValue<T> {
  const item = storage.defineItem<unknown>(key);
  return {
    key,
    getValue: async () => parse(await item.getValue()),
    setValue: (value) => item.setValue(value),
    removeValue: () => item.removeValue(),
    watch: (onChange) => item.watch((raw) => onChange(parse(raw))),
  };
}

const rawSettings = storage.defineItem<unknown>('local:settings');

/**
 * The user's preferences (`storage.local`, nothing secret). A write keeps the keys this version
 * does not know, so a newer version's choices survive a downgrade and back.
 */
export const settingsItem: StoredValue<Settings> = {
  ...parsedItem(rawSettings.key, parseSettings),
  async setValue(settings) {
    const raw = await rawSettings.getValue();
    const stored = typeof raw === 'object' && raw !== null ? raw : {};
    await rawSettings.setValue({ ...stored, ...settings });
  },
};

/**
 * The clock correction the user accepted in the popup, with the origin it was measured on: it
 * applies only to the accounts bound to that origin (`offsetFor`). `null`: none, or anything odd
 * or beyond ±10 min — also the bare number older versions stored for every account, so a
 * correction from before origins were recorded is dropped (and a downgrade reads none).
 */
export const clockCorrectionItem = parsedItem('local:clockOffsetMs', parseClockCorrection);

/** The last check of the PC clock against a KOSMO site's (at most hourly). */
export interface ClockCheck {
  at: number;
  /** The origin asked: one the user enrolled on or bound themself. */
  origin: string;
  /** Server minus PC clock, or `null` when the server gave no usable `Date`. */
  offsetMs: number | null;
}

export const clockCheckItem = parsedItem('local:clockCheck', (raw): ClockCheck | null => {
  const value = raw as Partial<ClockCheck> | null;
  const origin = strictOrigin(value?.origin);
  // A check from before origins were recorded reads as none: it may come from any subdomain.
  if (typeof value?.at !== 'number' || !origin) return null;
  const offsetMs = typeof value.offsetMs === 'number' ? value.offsetMs : null;
  return { at: value.at, origin, offsetMs };
});

/** Origins the user turned the extension on for (besides KOSMO, always on). Not secret. */
export const enabledSitesItem = parsedItem('local:enabledSites', (raw): string[] =>
  Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [],
);

/** The last backup's time and size, for the popup's reminder (`null`: never). */
export const backupStatusItem = parsedItem<BackupStatus | null>('local:backup', parseBackupStatus);

/** When the popup last reminded (recovery key, backup) and what was put off (`lib/reminders`). */
export const remindersItem = parsedItem('local:reminders', parseReminderState);

/**
 * `storage.session`: memory only, cleared when the browser closes, and (by default) closed to
 * content scripts — the one place the unlocked data key may live.
 */
const sessionDek = storage.defineItem<string | number>(`session:${SESSION_KEYS.dek}`);
const sessionLastActivity = storage.defineItem<string | number>(
  `session:${SESSION_KEYS.lastActivity}`,
);
const sessionRecoveryPending = storage.defineItem<string | number>(
  `session:${SESSION_KEYS.recoveryPending}`,
);

/** Watches the unlocked key coming and going (unlock, lock, auto-lock), without reading it. */
export function watchUnlocked(onChange: () => void): () => void {
  return sessionDek.watch(() => onChange());
}

/** The vault's {@link SessionStore}, backed by the two session items above (the vault stays pure). */
export const vaultSessionStore: SessionStore = {
  get: async (key) => sessionItem(key).getValue(),
  set: async (key, value) => sessionItem(key).setValue(value),
  remove: async (key) => sessionItem(key).removeValue(),
};

function sessionItem(key: string) {
  if (key === SESSION_KEYS.dek) return sessionDek;
  if (key === SESSION_KEYS.lastActivity) return sessionLastActivity;
  if (key === SESSION_KEYS.recoveryPending) return sessionRecoveryPending;
  throw new Error(`No session item for ${key}`);
}

/** The encrypted file waiting in the import preview (see `PendingImport`). */
export const pendingImportItem = storage.defineItem<string>('session:pendingImport');

/** Which QR codes of each multi-QR Google export have been read, per batch id. */
export interface BatchProgress {
  size: number;
  received: number[];
}

export const migrationBatchesItem = parsedItem(
  'session:migrationBatches',
  (raw): Record<string, BatchProgress> =>
    typeof raw === 'object' && raw !== null ? { ...(raw as Record<string, BatchProgress>) } : {},
);

/** The user name typed into a page's login form, and when (see `lib/background/page-user.ts`). */
export interface LoginUser {
  user: string;
  at: number;
}

/**
 * Per tab and origin (`"<tabId> <origin>"`), the user name the login form sent, so the next page
 * (Keycloak's OTP page) knows whose code to fill when it shows no user name. `storage.session`:
 * memory only, closed to content scripts, never in the page.
 */
export const loginUsersItem = parsedItem('session:loginUsers', (raw): Record<string, LoginUser> => {
  const out: Record<string, LoginUser> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [key, value] of Object.entries(raw as Record<string, Partial<LoginUser>>)) {
    if (typeof value?.user === 'string' && typeof value.at === 'number') {
      out[key] = { user: value.user, at: value.at };
    }
  }
  return out;
});

/**
 * The recovery code given to a login page, until the next page says whether the site took it
 * (`storage.session`: which code of which account in which tab, never the code itself).
 */
export const recoveryAwaitItem = parsedItem('session:recoveryAwait', parseRecoveryAwait);

/** The TOTP step of the last code a site took from a page we filled, per account id. */
export interface UsedStep {
  step: number;
  /** When it was recorded (ms): old entries are dropped. */
  at: number;
}

/**
 * Per account, the last step whose code was submitted through a page the extension filled
 * (`storage.local`, nothing secret: an account id and a number). Keycloak refuses a code of a
 * step already used, so `otp.codes` never offers that step again: it says how long to wait.
 */
export const usedStepsItem = parsedItem('local:usedSteps', (raw): Record<string, UsedStep> => {
  if (typeof raw !== 'object' || raw === null) return {};
  const entries = Object.entries(raw as Record<string, Partial<UsedStep> | null>).filter(
    (entry): entry is [string, UsedStep] =>
      Number.isSafeInteger(entry[1]?.step) && typeof entry[1]?.at === 'number',
  );
  return Object.fromEntries(entries.map(([id, { step, at }]) => [id, { step, at }]));
});

/** A submit the worker waits to hear the outcome of, from the next page in the same tab. */
export interface AwaitedSubmit {
  origin: string;
  /** The account whose code (or setup) was submitted. */
  ref: string;
  kind: 'setup' | 'login';
  /** The field held the code we filled (else the user's own: a refusal is not explained). */
  ours: boolean;
  /** The submitted code's step, if it was our code (null: not ours, or HOTP). */
  step: number | null;
  /** The account's used step before this submit, to tell "already used" and to undo on refusal. */
  usedBefore: number | null;
  at: number;
}

/** What the worker remembers between a submit and the next page (memory only, closed to pages). */
export interface Submissions {
  /** By tab id. */
  awaiting: Record<string, AwaitedSubmit>;
  /** Refusals of fresh codes in a row, by account id. */
  refusals: Record<string, number>;
}

export const submissionsItem = parsedItem('session:submissions', (raw): Submissions => {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Submissions>;
  const record = <T>(v: unknown) =>
    (typeof v === 'object' && v !== null ? { ...v } : {}) as Record<string, T>;
  return {
    awaiting: record<AwaitedSubmit>(value.awaiting),
    refusals: record<number>(value.refusals),
  };
});

/**
 * This PC's sync choice and bookkeeping (`storage.local`, never synced): on or off, its device
 * id, and the version it last knew of each account (ids and numbers only). `null`: never set up.
 */
export const syncStateItem = parsedItem('local:syncState', parseStoredSync);

/** The last sync run's report, for the manage page's status (counts and times only). */
export const syncReportItem = parsedItem('local:syncReport', (raw): SyncReport | null =>
  typeof raw === 'object' && raw !== null && typeof (raw as SyncReport).status === 'string'
    ? (raw as SyncReport)
    : null,
);

/**
 * Whether the welcome tab was opened once. The install event alone is not enough: an unpacked
 * copy loaded from the command line is "installed" again at every browser start.
 */
export const welcomeShownItem = parsedItem('local:welcomeShown', (raw) => raw === true);
