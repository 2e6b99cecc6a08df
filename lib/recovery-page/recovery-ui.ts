import { fromUser } from '../content/from-user';
import type { Scope } from '../content/scope';
import { mountShadow, type ShadowMount } from '../content/shadow-mount';
import type { Translate } from '../i18n';

export interface RecoveryUi {
  mount: ShadowMount;
  setBusy(busy: boolean): void;
  /** A status line under the button; `action` adds a second button (「ロックを解除する」). */
  show(
    text: string,
    tone: 'info' | 'ok' | 'error',
    action?: { label: string; run: () => void },
  ): void;
}

const STYLE = `
:host { all: initial; display: block; margin: 8px 0; font-family: system-ui, 'Hiragino Sans',
  'Noto Sans CJK JP', Meiryo, sans-serif; font-size: 14px; line-height: 1.5; color: #1b1f24; }
button { font: inherit; font-weight: 600; cursor: pointer; border-radius: 999px; padding: 6px 14px;
  border: 1px solid #1f5fbf; background: #1f5fbf; color: #fff; display: inline-flex; gap: 8px;
  align-items: center; }
button.secondary { background: #fff; color: #1f5fbf; margin-top: 6px; border-radius: 8px; }
button:disabled { opacity: .6; cursor: progress; }
button:focus-visible { outline: 3px solid #7fb0ff; outline-offset: 2px; }
svg { width: 16px; height: 16px; flex: none; }
p { margin: 6px 0 0; padding: 6px 10px; border-radius: 6px; max-width: 34em;
  word-break: auto-phrase; line-break: strict; }
p:empty { display: none; }
.info { background: #eef3fb; } .ok { background: #e8f5e9; color: #1b5e20; }
.error { background: #fdecea; color: #8e1c1c; }
`;

const ICON = `<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="8" cy="12" r="4.5" fill="none"
  stroke="currentColor" stroke-width="2.4"/><path d="M12.5 12H22M18 12v4M21 12v3" fill="none"
  stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/></svg>`;

/**
 * One button of ours on a Keycloak recovery codes page (「PC Authenticatorに保存」 or
 * 「リカバリーコード #N を入力」) with a status line, in an open shadow root so the page's styles
 * can't break it and tests can reach it. Both buttons answer only the user's own clicks
 * (fromUser); the status never shows a code.
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
  const { t } = ui;
  const mount = mountShadow(scope, doc, {
    name: 'recovery',
    style: STYLE,
    html: `<div lang="${ui.lang === 'ja' ? 'ja' : 'en'}"><button type="button">${ICON}<span></span></button><p role="status" aria-live="polite"></p><div></div></div>`,
    place: ui.place,
  });
  const { root } = mount;
  const button = root.querySelector('button')!;
  const label = button.querySelector('span')!;
  const status = root.querySelector('p')!;
  const extra = root.querySelector('div > div')!;
  button.dataset.testid = ui.testid;
  if (ui.title) button.title = ui.title;
  label.textContent = ui.label;
  // Keep the caret where it is: the code goes into the page's field, not our button.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', fromUser(ui.onClick));
  return {
    mount,
    setBusy(busy) {
      button.disabled = busy;
      label.textContent = busy ? t('working') : ui.label;
    },
    show(text, tone, action) {
      status.textContent = text;
      status.className = tone;
      extra.replaceChildren();
      if (!action) return;
      const second = doc.createElement('button');
      second.type = 'button';
      second.className = 'secondary';
      second.textContent = action.label;
      second.dataset.testid = 'recovery-unlock';
      second.addEventListener('click', fromUser(action.run));
      extra.append(second);
    },
  };
}
