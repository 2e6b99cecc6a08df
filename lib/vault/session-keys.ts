/**
 * The keys the vault uses in its `SessionStore` (`chrome.storage.session` in the extension).
 * Free of dependencies so UI code can watch them (`storage.session.onChanged`) cheaply.
 *
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-session
 */
export const SESSION_KEYS = Object.freeze({
  /** Base64 of the raw 256-bit data key while the vault is unlocked. */
  dek: 'vault.dek',
  /** Time (ms, from the injected clock) of the last user activity. */
  lastActivity: 'vault.lastActivity',
  /**
   * A recovery key just made, sealed under the data key, until the user says they wrote it down
   * (or the vault locks): so the popup closing, or the kit opening in a tab, does not lose it.
   */
  recoveryPending: 'vault.recoveryPending',
});
