import type en from '../public/_locales/en/messages.json';

/** A key of `_locales/*\/messages.json`; a typo is a type error. */
export type MessageKey = Exclude<keyof typeof en, 'extName' | 'extDescription'>;

export type Translate = (key: MessageKey, subs?: string[]) => string;

/**
 * The text of an error from the background (an `AppError`), or a generic one for a key this
 * build lacks (an older worker after an update).
 */
export function errorText(t: Translate, error: { key: MessageKey; subs?: string[] }): string {
  const text = t(error.key, error.subs);
  return text === '' ? t('error_unexpected') : text;
}
