import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Result } from './app-error';
import type { PageReport } from './autofill/detect/keycloak-outcome';
import type { BackupFile, ExportData } from './backup-protocol';
import type { PagePolicy } from './enroll/setup-page';
import type { ImportOutcome, ImportPreview, ImportSource } from './import/types';
import type { AccountView } from './otp/account-codes';
import type { RefusalReason } from './otp/refusal-reason';
import type { AccountData, RecoveryCode } from './otp/types';
import type { RecoveryPageReport } from './recovery-codes/keycloak-pages';
import type { OfferInfo } from './recovery-codes/offer';

import type { SyncReport } from './sync/engine';
import type { FailedAccount } from './vault/account-list';
import type { RecoveryInfo, RecoveryKeyView, VaultStatus } from './vault/vault';

export type { AccountView, RecoveryInfo, RecoveryKeyView, SyncReport, VaultStatus };

/** The accounts as pages see them (codes, never secrets), and the records that did not open. */
export interface AccountViewList {
  accounts: AccountView[];
  failed: FailedAccount[];
}

interface VaultSnapshot {
  status: VaultStatus;
  /** Every account, or only the first `rows` of the display order when the request said so. */
  list: AccountViewList;
  /** How many accounts there are, whether or not `list` holds them all. */
  total: number;
}

export type { ImportOutcome };

/** What a setup page offers: its QR image, or its key with the policy shown beside it. */
export type EnrollSource = { qr: string } | { key: string; policy: PagePolicy };

/** The answer a content script gets: a code and a device name, never a secret. */
export interface EnrollResult {
  status: 'added' | 'duplicate';
  ref: string;
  title: string;
  code: string;
  deviceName: string;
}

/** What 「画面のQRコードを読み取る」 did: added, asked for a box on the page, or can't here. */
export type ScanResult =
  { kind: 'done'; outcomes: ImportOutcome[] } | { kind: 'select' } | { kind: 'unsupported' };

/** A code for the page's own origin: what a content script may know (never the secret). */
export interface SiteCode {
  /** Opaque handle of the account (to say which one the user chose). */
  ref: string;
  title: string;
  /** The device name the site knows this account by (Keycloak's `userLabel`), if recorded. */
  deviceName: string | null;
  code: string;
  secondsLeft: number;
  /**
   * Set when this account's current step was already used (a login or setup a moment ago):
   * `code` is empty and a usable code comes in this many seconds.
   */
  waitSeconds?: number;
}

export type { PageReport, RefusalReason };

/** Why the site refused the code submitted from the previous page in this tab. */
export interface Refusal {
  reason: RefusalReason;
  /** Refused on the setup page (the account stays pending) or the login page. */
  kind: 'setup' | 'login';
}

/** The code a setup page's field should hold now, and in how many seconds to ask again. */
export interface SetupCode {
  code: string;
  refreshIn: number;
}

export type SiteCodes =
  | { vault: 'none' | 'locked' }
  | {
      vault: 'unlocked';
      autoFill: boolean;
      submitAfterFill: boolean;
      codes: SiteCode[];
      /** With no code here: how many accounts the user may choose to bind here (absent: none). */
      choosable?: number;
      /** The user the codes are for, when the page or its login form named one. */
      user?: string | null;
      /** Accounts are bound here, but for other people only: say so rather than show nothing. */
      othersBound?: boolean;
    };

/**
 * An account the user may choose on a login page none is bound to: names and a handle, never a
 * code or a site. Sent only after the user's own click on 「使うアカウントを選ぶ」.
 */
export interface SiteChoice {
  ref: string;
  issuer: string;
  name: string;
}

/** What a page says about itself when it asks: the user signing in, its realm's title. */
export interface PageHints {
  /** Keycloak's `#kc-attempted-username`; else the worker uses what the login form sent. */
  user?: string;
  /** Keycloak's `#kc-header-wrapper`: ranks the accounts offered. */
  realm?: string;
}

/**
 * What 「このページに入力」 did: filled, nothing to fill, or nothing bound yet — then the popup lets
 * the user choose among `ids` (best first) and binds the one chosen to `origin` for `user`.
 */
export type FillPageResult =
  'filled' | 'nothing' | { choose: { origin: string; user: string | null; ids: string[] } };

/** Where a setup page's recovery codes were stored. */
export interface RecoverySaved {
  title: string;
  count: number;
  /** The account held codes before: the new ones replace them (the site's old ones are void). */
  replaced: boolean;
}

/** The recovery code a login page may get on a click: which one, never the code itself. */
export type RecoveryOfferInfo = OfferInfo;

export type RecoveryOffer =
  { vault: 'none' | 'locked' } | { vault: 'unlocked'; offer: RecoveryOfferInfo | null };

/** What the popup knows about the page behind it, for 「このページに入力」 and 「このサイトで有効にする」. */
export interface PageSite {
  /** `https://host` of the tab, or null when the extension cannot work there. */
  origin: string | null;
  /** KOSMO hosts are always on; other sites only once the user allowed them. */
  enabled: boolean;
  kosmo: boolean;
  /** The tab shows a Keycloak setup page (its toolbar badge is on): its own button adds. */
  setup: boolean;
}

/** What the manage page may change about an account (never its secret or parameters). */
export interface AccountPatch {
  issuer?: string;
  name?: string;
  /** Origins (`https://host`, `http://host[:port]`) the account gives its codes to. */
  sites?: string[];
  pinned?: boolean;
}

/** The vault's key-derivation parameters (no salt) and when it was made, for the manage page. */
export interface VaultInfo {
  kdf: { algorithm: string; memoryKiB: number; iterations: number; parallelism: number };
  createdAt: number;
}

/**
 * What the user typed in the add form: either a URI or the fields; `site`, the KOSMO page the
 * popup was opened on, binds the account to it at once.
 */
export type NewAccount = ({ uri: string } | { data: AccountData }) & { site?: string };

/**
 * Every request to the background and its reply. The background is the only handler; vault
 * requests are answered only for the extension's own pages (checked from the sender). Replies to
 * pages carry codes, never secrets — except `export.open`, after the master password.
 */
export interface ProtocolMap {
  'vault.status'(): Result<VaultStatus>;
  /**
   * Status and, when unlocked, the accounts: what a page needs to draw itself, in one trip.
   * `rows`: only the first ones of the display order (pinned first), for the popup's first paint.
   */
  'vault.snapshot'(data: { rows?: number } | undefined): Result<VaultSnapshot>;
  'vault.create'(data: { password: string }): Result<null>;
  'vault.unlock'(data: { password: string }): Result<null>;
  'vault.lock'(): Result<null>;
  'accounts.list'(): Result<AccountViewList>;
  'accounts.add'(data: NewAccount): Result<AccountView>;
  'accounts.delete'(data: { id: string }): Result<null>;
  'accounts.next-hotp'(data: { id: string }): Result<AccountView>;
  /** The popup copied this code: clear the clipboard after the set time if it still holds it. */
  'clipboard.copied'(data: { code: string }): Result<null>;
  /**
   * Reads a file, a QR image or pasted text into a preview; nothing is stored yet. `password`
   * opens an encrypted file.
   */
  'import.preview'(data: { source: ImportSource; password?: string }): Result<ImportPreview>;
  /** Adds the previewed source's new and conflicting entries in one atomic step. */
  'import.commit'(data: { token: string }): Result<{ added: number; outcomes: ImportOutcome[] }>;
  /** Forgets the previewed source. */
  'import.cancel'(data: { token: string }): Result<null>;
  /** Captures the tab (`tabId`, else the active one) and adds the one OTP QR code on it. */
  'scan.screen'(data: { tabId?: number }): Result<ScanResult>;
  /** From the selection overlay: the box the user drew, in CSS pixels of a viewport this wide. */
  'scan.region'(data: {
    rect: { x: number; y: number; width: number; height: number };
    viewportWidth: number;
  }): Result<ImportOutcome[]>;
  /** From the content script on a Keycloak OTP setup page (KOSMO or an allowed site). */
  'enroll.add'(data: {
    source: EnrollSource;
    hints: { issuer: string; account: string };
  }): Result<EnrollResult>;
  /** Manage page: change an account's names, sites or pin. */
  'accounts.update'(data: { id: string; patch: AccountPatch }): Result<null>;
  /** Manage page: puts `ids` first, in that order. */
  'accounts.reorder'(data: { ids: string[] }): Result<null>;
  'vault.change-password'(data: { oldPassword: string; newPassword: string }): Result<null>;
  'vault.info'(): Result<VaultInfo>;
  /**
   * Deletes the vault and the site list; `confirmation` is the word the user typed (削除 / DELETE),
   * `password` the master password (the vault must be unlocked).
   */
  'vault.wipe'(data: { confirmation: string; password: string }): Result<null>;
  /** Fills the code into the page behind the popup (`tabId`, else the active tab). */
  'fill.page'(data: { tabId?: number }): Result<FillPageResult>;
  /** The page behind the popup: its origin and whether the extension works there. */
  'sites.page'(data: { tabId?: number }): Result<PageSite>;
  /** After the user granted the origin: run the content script there from now on. */
  'sites.enable'(data: { origin: string }): Result<null>;
  /** Stop working on a site (the permission is removed by the popup itself). */
  'sites.disable'(data: { origin: string }): Result<null>;
  /**
   * Bind an account to an origin, or unbind it: codes are only ever given to bound sites. `user`:
   * the page's user name the account is chosen for (「このページに入力」 on a page none fits).
   */
  'accounts.bind'(data: {
    id: string;
    origin: string;
    bound: boolean;
    user?: string;
  }): Result<null>;
  /**
   * From a content script: the current codes of the accounts bound to its page's origin — only
   * the named user's, when the page (or its login form) named one.
   */
  'otp.codes'(data?: PageHints): Result<SiteCodes>;
  /** From a content script, after the user's click: the accounts they may bind to this page. */
  'otp.choices'(data: PageHints): Result<SiteChoice[]>;
  /** From a content script, after the user's click on a choice: bind it here, give its code. */
  'otp.choose'(data: PageHints & { ref: string }): Result<SiteCode>;
  /** From a content script as a login form is sent: the user name typed, for the next page. */
  'login.user'(data: { user: string }): Result<null>;
  /** From a content script: its page shows a setup page (or no longer), for the toolbar hint. */
  'enroll.page'(data: { setup: boolean }): Result<null>;
  /**
   * From the setup page as the user submits it: the device name they kept or typed, and the code
   * in the field when it is the one we filled (its step is then used). The account stays
   * pending until the next page in the tab shows the setup was accepted (`page.outcome`).
   */
  'enroll.device'(data: { ref: string; label: string; code?: string }): Result<null>;
  /** From the setup page after enrolling: the code its field should hold now (never stale). */
  'enroll.code'(data: { ref: string }): Result<SetupCode>;
  /** From a content script as a form holding the code we filled is submitted. */
  'otp.submitted'(data: { ref: string; code: string }): Result<null>;
  /**
   * From every page our content script starts on: what the page is, so the worker learns how
   * the last submit in this tab went (accepted: the used step stays, a pending account is
   * confirmed; refused: why). Null unless the previous page's submit was refused here.
   */
  'page.outcome'(data: PageReport): Result<Refusal | null>;
  /**
   * From the refusal note's button (a user's click): measure this site's clock again and, when it
   * is off by a correctable amount and the site is one the user bound, correct its accounts' codes.
   */
  'clock.correct'(): Result<boolean>;
  /** From a content script: show the user where to unlock (the popup, or a tab with it). */
  'ui.open-unlock'(): Result<null>;
  /**
   * After the master password (failures count as for unlocking): every account, encrypted with
   * `password` (8+ characters), as a file for the page to save.
   */
  'backup.create'(data: { masterPassword: string; password: string }): Result<BackupFile>;
  /** After the master password again: every account's URI and the Google export QR texts. */
  'export.open'(data: { password: string }): Result<ExportData>;
  /**
   * From the recovery codes setup page, on the user's click: store `codes` with the account
   * bound to the page's origin (`user`: the page's user name, '' if none).
   */
  'recovery.save'(data: { codes: string[]; user: string }): Result<RecoverySaved>;
  /** From the recovery code login page: which code a click would fill (`asked`: its number). */
  'recovery.offer'(data: { asked: number | null; user: string }): Result<RecoveryOffer>;
  /** On the user's click there: the code itself, remembered until the next page says it worked. */
  'recovery.fill'(data: {
    asked: number | null;
    user: string;
  }): Result<RecoveryOfferInfo & { code: string }>;
  /** The user sent the form with the filled code. */
  'recovery.submitted'(): Result<null>;
  /** Every page of an allowed site, as it loads: whether a filled code was accepted. */
  'recovery.settle'(data: RecoveryPageReport): Result<null>;
  /** Manage page, after the master password (failures count as for unlocking): one account's codes. */
  'recovery.codes'(data: { id: string; password: string }): Result<RecoveryCode[]>;
  /** The recovery key's fingerprint and date (never the key), or null: none made. Works locked. */
  'recovery.info'(): Result<RecoveryInfo | null>;
  /**
   * After the master password: a new recovery key replaces the old one (which stops working).
   * The one reply that carries the key; it waits sealed in the session until `recovery.confirm`.
   */
  'recovery.create'(data: { password: string }): Result<RecoveryKeyView>;
  /** The key made in this session and not yet written down (popup, kit page), or null. */
  'recovery.pending'(): Result<RecoveryKeyView | null>;
  /** 「書き留めました」: forget the shown key; only its fingerprint is kept. */
  'recovery.confirm'(): Result<null>;
  /** 「パスワードを忘れた」: the recovery key and a new master password; unlocks. */
  'vault.recover'(data: { recoveryKey: string; newPassword: string }): Result<null>;
  /**
   * While locked only, the one way to delete without the master password: everything goes,
   * after the word typed by hand (削除 / DELETE), as `vault.wipe`.
   */
  'vault.wipe-locked'(data: { confirmation: string }): Result<null>;
  /** Sync across PCs (issue 12): what the manage page shows. */
  'sync.status'(): Result<SyncStatusView>;
  /** Turns sync on after the master password (refused when very weak); runs once. */
  'sync.enable'(data: { password: string }): Result<SyncReport | null>;
  /** Turns sync off on this PC; its accounts stay. */
  'sync.disable'(): Result<null>;
  /** Deletes the synced copy (and turns sync off here); every PC keeps its own accounts. */
  'sync.remove-remote'(): Result<null>;
  /** Runs a sync now. */
  'sync.now'(): Result<SyncReport | null>;
  /**
   * Joins the synced vault: a fresh install (then unlocked), or this PC's own vault merged into
   * it (its accounts sealed under the synced key). The synced vault's password, or its recovery
   * key with a new password.
   */
  'sync.join'(data: SyncJoin): Result<SyncReport | null>;
  /** Whether a synced vault waits to be joined (fresh install only). */
  'sync.offer'(): Result<boolean>;
}

/** Joining with the synced vault's master password, or with its recovery key. */
export type SyncJoin = { password: string } | { recoveryKey: string; newPassword: string };

/** The sync state as pages see it: counts, times and fingerprints, never a key. */
export interface SyncStatusView {
  enabled: boolean;
  last: SyncReport | null;
  /** This PC's vault key fingerprint (`ABCD-1234`), when unlocked. */
  fingerprint: string | null;
  /** The synced copy: none, the same key, another key (join), or damaged. */
  remote: 'none' | 'same' | 'other' | 'unreadable';
  remoteFingerprint: string | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

// The three channels beside the request protocol: sent by the worker (or held open to it), so they
// are plain messages with a guard on the receiving side instead of `sendMessage` requests.

/**
 * Worker → our content script in a tab's top frame: fill the code now (the popup's
 * 「このページに入力」, the shortcut, the context menu). The reply ({@link FillNowReply}) says
 * whether a field was filled; the script asks for the code itself through `otp.codes`.
 */
interface FillNowMessage {
  type: 'fill.now';
}
/** Filled or not; or the page has an OTP field but nothing bound fits: the popup should ask. */
export type FillNowReply = boolean | { choose: true; user: string | null };
export const FILL_NOW: FillNowMessage = { type: 'fill.now' };

export function isFillNow(message: unknown): message is FillNowMessage {
  return (message as Partial<FillNowMessage> | null)?.type === FILL_NOW.type;
}

/** The port a content script holds open to hear once the vault is unlocked. */
export const VAULT_WAIT_PORT = 'vault-wait';

/** The one message on a {@link VAULT_WAIT_PORT} port (it carries nothing else). */
export interface VaultWaitMessage {
  unlocked: true;
}

/** Worker → offscreen document: empty the clipboard after `delayMs` if it still holds `code`. */
export interface ClearRequest {
  target: 'offscreen';
  type: 'clipboard.clear-after';
  code: string;
  delayMs: number;
}

export function isClearRequest(message: unknown): message is ClearRequest {
  const m = message as Partial<ClearRequest> | null;
  return (
    m?.target === 'offscreen' &&
    m.type === 'clipboard.clear-after' &&
    typeof m.code === 'string' &&
    typeof m.delayMs === 'number'
  );
}
