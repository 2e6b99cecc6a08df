import { createPageButton, type PageButton } from '../content/page-button';
import type { Scope } from '../content/scope';
import type { Translate } from '../i18n';

export type EnrollUi = PageButton;

/** Our icon, a padlock on white, so the button reads as ours next to the site's own. */
const ICON = `<svg viewBox="0 0 128 128" aria-hidden="true"><rect x="4" y="4" width="120" height="120"
  rx="26" fill="#fff"/><path d="M40 58V44a24 24 0 0 1 48 0v14" fill="none" stroke="#1f5fbf"
  stroke-width="12"/><rect x="24" y="56" width="80" height="56" rx="12" fill="#1f5fbf"/></svg>`;

/** The 「PC Authenticatorに追加」 button on the setup page, with its status line. */
export function createEnrollUi(
  scope: Scope,
  doc: Document,
  ui: { t: Translate; lang: string; place: (host: HTMLElement) => void; onClick: () => void },
): EnrollUi {
  return createPageButton(scope, doc, {
    name: 'enroll',
    lang: ui.lang,
    testid: 'enroll',
    actionTestid: 'enroll-unlock',
    label: ui.t('enroll_button'),
    busyLabel: ui.t('working'),
    icon: ICON,
    place: ui.place,
    onClick: ui.onClick,
  });
}
