import { browser } from 'wxt/browser';
import type { Translate } from './i18n';

/** `_locales` messages in the browser's language (Japanese first, English otherwise). */
export const t: Translate = (key, subs) => browser.i18n.getMessage(key, subs);

/** Sets `<html lang>` so fonts and screen readers pick the right language. */
export function applyDocumentLanguage(): void {
  document.documentElement.lang = browser.i18n.getMessage('@@ui_locale').startsWith('ja')
    ? 'ja'
    : 'en';
}
