export type { AccountLabel } from './account-codec';
export { checkAccountData, normalizeSecret } from './account-data';
export type { AccountList, FailedAccount } from './account-list';
export { DEK_AAD } from './dek';
export {
  MAX_ACCOUNTS,
  MIN_PASSWORD_LENGTH,
  VaultError,
  isVaultError,
  type VaultErrorCode,
  type VaultErrorDetails,
} from './errors';
export { HEADER_VERSION, type VaultHeader } from './header';
export { LOCKOUT_POLICY, lockoutDelayMs } from './lockout';
export { MemorySessionStore } from './memory-session-store';
export { SESSION_KEYS } from './session-keys';
export type { SessionStore } from './session-store';
export { Vault, type KdfOptions, type VaultDeps, type VaultStatus } from './vault';
