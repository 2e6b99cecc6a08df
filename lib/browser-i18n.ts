import { browser } from 'wxt/browser';
import type { Translate } from './i18n';

/** `_locales` messages in the browser's language (Japanese first, English otherwise). */
export const t: Translate = (key, subs) => browser.i18n.getMessage(key, subs);

/** The language the UI speaks: Japanese when the browser does, English otherwise. */
export function uiLanguage(): 'ja' | 'en' {
  return browser.i18n.getMessage('@@ui_locale').startsWith('ja') ? 'ja' : 'en';
}

/** Sets `<html lang>` so fonts, line breaking and screen readers pick the right language. */
export function applyDocumentLanguage(): void {
  document.documentElement.lang = uiLanguage();
}
