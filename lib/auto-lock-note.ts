import type { Translate } from './i18n';

/**
 * When the vault really locks, in words, from the auto-lock setting (`autoLockMinutes`, 0 = only
 * when the browser closes): what the first run and the lock button tell the user, so the text can
 * never promise a different rule than lib/background/auto-lock.ts applies.
 */
export function autoLockNote(t: Translate, minutes: number): string {
  return minutes > 0 ? t('autolock_note', [`${minutes}`]) : t('autolock_note_closed');
}
