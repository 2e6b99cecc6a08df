import { fromUser } from './from-user';
import type { Scope } from './scope';
import { mountShadow, type ShadowMount } from './shadow-mount';

/** One of our buttons on a site's page, with a status line under it. */
export interface PageButton {
  /** The host in the page; `remove()` takes it out. */
  mount: ShadowMount;
  /** Disables the button and shows `busyLabel` while the worker answers. */
  setBusy(busy: boolean): void;
  /** A status line under the button; `action` adds a second button (e.g. 「ロックを解除」). */
  show(
    text: string,
    tone: 'info' | 'ok' | 'error',
    action?: { label: string; run: () => void },
  ): void;
}

export interface PageButtonOptions {
  /** Names the host element, `pc-authenticator-{name}`. */
  name: 'enroll' | 'recovery';
  /** The page's language: `all: initial` cuts the page's `lang` off, and Japanese line breaking
   * needs one. */
  lang: string;
  testid: string;
  /** The `data-testid` of the status line's second button. */
  actionTestid: string;
  label: string;
  busyLabel: string;
  /** Shown on hover: e.g. which account the code comes from. */
  title?: string;
  /** Our own inline SVG markup (never text from the page). */
  icon: string;
  /** CSS after the shared rules: the button's size and shape. */
  style?: string;
  /** Keeps the caret in the page's field: what we fill goes there, not into our button. */
  keepCaret?: boolean;
  place: (host: HTMLElement) => void;
  onClick: () => void;
}

const STYLE = `
:host { all: initial; display: block; margin: 10px 0; font-family: system-ui, 'Hiragino Sans',
  'Noto Sans CJK JP', Meiryo, sans-serif; font-size: 14px; line-height: 1.5; color: #1b1f24; }
button { font: inherit; font-weight: 600; cursor: pointer; border-radius: 8px; padding: 8px 14px;
  border: 1px solid #1f5fbf; background: #1f5fbf; color: #fff; display: inline-flex; gap: 8px;
  align-items: center; }
button.secondary { background: #fff; color: #1f5fbf; margin-top: 6px; border-radius: 8px; }
button:disabled { opacity: .6; cursor: progress; }
button:focus-visible { outline: 3px solid #7fb0ff; outline-offset: 2px; }
svg { width: 18px; height: 18px; flex: none; }
p { margin: 6px 0 0; padding: 6px 10px; border-radius: 6px; max-width: 32em;
  word-break: auto-phrase; line-break: strict; }
p:empty { display: none; }
.info { background: #eef3fb; } .ok { background: #e8f5e9; color: #1b5e20; }
.error { background: #fdecea; color: #8e1c1c; }
`;

/**
 * A button of ours in an open shadow root, so the page's styles can't break it and tests can
 * reach it. Both it and the status line's second button answer only the user's own clicks
 * (fromUser): a page's script can find them but not press them. Shows only the words it is
 * given, never a secret.
 */
export function createPageButton(scope: Scope, doc: Document, ui: PageButtonOptions): PageButton {
  const mount = mountShadow(scope, doc, {
    name: ui.name,
    style: STYLE + (ui.style ?? ''),
    html: `<div lang="${ui.lang === 'ja' ? 'ja' : 'en'}"><button type="button">${ui.icon}<span></span></button><p role="status" aria-live="polite"></p><div></div></div>`,
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
  if (ui.keepCaret) button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', fromUser(ui.onClick));
  return {
    mount,
    setBusy(busy) {
      button.disabled = busy;
      label.textContent = busy ? ui.busyLabel : ui.label;
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
      second.dataset.testid = ui.actionTestid;
      second.addEventListener('click', fromUser(action.run));
      extra.append(second);
    },
  };
}
