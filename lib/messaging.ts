import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AppError, Result } from './app-error';
import type { PagePolicy } from './enroll/setup-page';
import type { Account, AccountData } from './otp/types';

import type { AccountList, VaultStatus } from './vault';

export type { AccountList, VaultStatus };

export interface VaultSnapshot {
  status: VaultStatus;
  list: AccountList;
}

/** What became of one QR code, URI or file in an import. */
export type ImportOutcome =
  /** `warning`: stored, but a site is unlikely to accept it (e.g. 10 digits). */
  | { kind: 'added'; title: string; warning?: AppError }
  | { kind: 'duplicate'; title: string }
  | { kind: 'no-qr' }
  | { kind: 'not-otp' }
  | { kind: 'invalid'; error: AppError }
  /** An entry of an export we cannot generate codes for (Steam, MD5…): listed, never dropped. */
  | { kind: 'skipped'; title: string; error: AppError }
  /** A Google Authenticator export QR that is one of several; `missing` are 1-based. */
  | { kind: 'batch'; index: number; size: number; missing: number[] };

export interface ImportItem {
  /** File name, or `text` for pasted text. */
  source: string;
  outcomes: ImportOutcome[];
}

/** What a setup page offers: its QR image, or its key with the policy shown beside it. */
export type EnrollSource = { qr: string } | { key: string; policy: PagePolicy };

/** The answer a content script gets: a code and a device name, never a secret. */
export interface EnrollResult {
  status: 'added' | 'duplicate';
  title: string;
  code: string;
  deviceName: string;
}

/** What 「画面のQRコードを読み取る」 did: added, asked for a box on the page, or can't here. */
export type ScanResult =
  { kind: 'done'; outcomes: ImportOutcome[] } | { kind: 'select' } | { kind: 'unsupported' };

/** What the user typed in the add form: either a URI or the fields. */
export type NewAccount = { uri: string } | { data: AccountData };

/**
 * Every request to the background and its reply. The background is the only handler; vault
 * requests are answered only for the extension's own pages (checked from the sender).
 */
export interface ProtocolMap {
  'vault.status'(): Result<VaultStatus>;
  /** Status and, when unlocked, the accounts: what a page needs to draw itself, in one trip. */
  'vault.snapshot'(): Result<VaultSnapshot>;
  'vault.create'(data: { password: string }): Result<null>;
  'vault.unlock'(data: { password: string }): Result<null>;
  'vault.lock'(): Result<null>;
  'accounts.list'(): Result<AccountList>;
  'accounts.add'(data: NewAccount): Result<Account>;
  'accounts.delete'(data: { id: string }): Result<null>;
  'accounts.next-hotp'(data: { id: string }): Result<Account>;
  /** Decodes QR codes in an image (a `data:` URL) and adds every OTP account found. */
  'import.image'(data: { name: string; dataUrl: string }): Result<ImportItem>;
  /** Adds the accounts of pasted `otpauth://` / `otpauth-migration://` lines. */
  'import.text'(data: { text: string }): Result<ImportItem>;
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
  /** From a content script: show the user where to unlock (the popup, or a tab with it). */
  'ui.open-unlock'(): Result<null>;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
