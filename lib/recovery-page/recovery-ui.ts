import { createPageButton, type PageButton } from '../content/page-button';
import type { Scope } from '../content/scope';
import type { Translate } from '../i18n';

export type RecoveryUi = PageButton;

/** A key: smaller and rounder than the setup page's button, as it sits beside the site's list. */
const STYLE = `
:host { margin: 8px 0; }
button { border-radius: 999px; padding: 6px 14px; }
svg { width: 16px; height: 16px; }
p { max-width: 34em; }
`;

const ICON = `<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="8" cy="12" r="4.5" fill="none"
  stroke="currentColor" stroke-width="2.4"/><path d="M12.5 12H22M18 12v4M21 12v3" fill="none"
  stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/></svg>`;

/**
 * One button of ours on a Keycloak recovery codes page (「PC Authenticatorに保存」 or
 * 「リカバリーコード #N を入力」) with a status line; the status never shows a code.
 */
export function createRecoveryUi(
  scope: Scope,
  doc: Document,
  ui: {
    t: Translate;
    lang: string;
    testid: 'recovery-save' | 'recovery-fill';
    label: string;
    /** Shown on hover: e.g. which account the code comes from. */
    title?: string;
    place: (host: HTMLElement) => void;
    onClick: () => void;
  },
): RecoveryUi {
  const { t, ...button } = ui;
  return createPageButton(scope, doc, {
    ...button,
    name: 'recovery',
    actionTestid: 'recovery-unlock',
    busyLabel: t('working'),
    icon: ICON,
    style: STYLE,
    keepCaret: true,
  });
}
