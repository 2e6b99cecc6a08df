import type en from '../public/_locales/en/messages.json';
import type { AppError } from './app-error';

/** A key of `_locales/*\/messages.json`; a typo is a type error. */
export type MessageKey = Exclude<keyof typeof en, 'extName' | 'extDescription'>;

export type Translate = (key: MessageKey, subs?: string[]) => string;

/** The text of an error from the background, or a generic one for a key this build lacks. */
export function errorText(t: Translate, error: AppError): string {
  const text = t(error.key as MessageKey, error.subs);
  return text === '' ? t('error_unexpected') : text;
}
