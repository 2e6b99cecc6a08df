import type { Scope } from '../content/scope';
import { fromUser } from '../content/from-user';
import { mountShadow, type ShadowMount } from '../content/shadow-mount';
import type { Translate } from '../i18n';

export interface EnrollUi {
  /** The host in the page; `remove()` takes it out. */
  mount: ShadowMount;
  setBusy(busy: boolean): void;
  /** A status line under the button; `action` adds a second button (e.g. 「ロックを解除」). */
  show(
    text: string,
    tone: 'info' | 'ok' | 'error',
    action?: { label: string; run: () => void },
  ): void;
}

const STYLE = `
:host { all: initial; display: block; margin: 10px 0; font-family: system-ui, 'Hiragino Sans',
  'Noto Sans CJK JP', Meiryo, sans-serif; font-size: 14px; line-height: 1.5; color: #1b1f24; }
button { font: inherit; font-weight: 600; cursor: pointer; border-radius: 8px; padding: 8px 14px;
  border: 1px solid #1f5fbf; background: #1f5fbf; color: #fff; display: inline-flex; gap: 8px;
  align-items: center; }
button.secondary { background: #fff; color: #1f5fbf; margin-top: 6px; }
button:disabled { opacity: .6; cursor: progress; }
button:focus-visible { outline: 3px solid #7fb0ff; outline-offset: 2px; }
svg { width: 18px; height: 18px; }
p { margin: 6px 0 0; padding: 6px 10px; border-radius: 6px; max-width: 32em;
  word-break: auto-phrase; line-break: strict; }
p:empty { display: none; }
.info { background: #eef3fb; } .ok { background: #e8f5e9; color: #1b5e20; }
.error { background: #fdecea; color: #8e1c1c; }
`;

const ICON = `<svg viewBox="0 0 128 128" aria-hidden="true"><rect x="4" y="4" width="120" height="120"
  rx="26" fill="#fff"/><path d="M40 58V44a24 24 0 0 1 48 0v14" fill="none" stroke="#1f5fbf"
  stroke-width="12"/><rect x="24" y="56" width="80" height="56" rx="12" fill="#1f5fbf"/></svg>`;

/**
 * The 「PC Authenticatorに追加」 button, in an open shadow root so the page's styles can't break it
 * (and tests can reach it). Both buttons answer only the user's own clicks (fromUser). It never
 * shows a secret: only words from `_locales`.
 */
export function createEnrollUi(
  scope: Scope,
  doc: Document,
  ui: { t: Translate; lang: string; place: (host: HTMLElement) => void; onClick: () => void },
): EnrollUi {
  const { t, onClick } = ui;
  const mount = mountShadow(scope, doc, {
    name: 'enroll',
    style: STYLE,
    // A lang inside the shadow root: `all: initial` cuts the page's off, and Japanese line
    // breaking needs it.
    html: `<div lang="${ui.lang === 'ja' ? 'ja' : 'en'}"><button type="button" data-testid="enroll">${ICON}<span></span></button><p role="status" aria-live="polite"></p><div></div></div>`,
    place: ui.place,
  });
  const { root } = mount;
  const button = root.querySelector('button')!;
  const label = button.querySelector('span')!;
  const status = root.querySelector('p')!;
  const extra = root.querySelector('div > div')!;
  label.textContent = t('enroll_button');
  button.addEventListener('click', fromUser(onClick));
  return {
    mount,
    setBusy(busy) {
      button.disabled = busy;
      label.textContent = t(busy ? 'working' : 'enroll_button');
    },
    show(text, tone, action) {
      status.textContent = text;
      status.className = tone;
      extra.replaceChildren();
      if (action) {
        const second = doc.createElement('button');
        second.type = 'button';
        second.className = 'secondary';
        second.textContent = action.label;
        second.dataset.testid = 'enroll-unlock';
        second.addEventListener('click', fromUser(action.run));
        extra.append(second);
      }
    },
  };
}
