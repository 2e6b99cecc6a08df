import { fromUser } from '../content/from-user';
import type { Scope } from '../content/scope';
import { mountShadow } from '../content/shadow-mount';
import type { Translate } from '../i18n';
import type { SiteCode } from '../messaging';

export interface Badge {
  host: HTMLElement;
  showCode(code: SiteCode, onFill: () => void): void;
  showChooser(codes: SiteCode[], onPick: (code: SiteCode) => void): void;
  showLocked(onUnlock: () => void): void;
  /** 「次のコードを待っています（12秒）」: the current step was used; counts down on its own. */
  showWaiting(seconds: number): void;
  /** Keeps the badge on the field's right edge as the page scrolls or reflows. */
  place(): void;
  remove(): void;
}

const STYLE = `
:host { all: initial; position: absolute; z-index: 2147483646; }
.badge { display: flex; align-items: center; gap: 6px; padding: 2px 4px 2px 8px; border-radius: 999px;
  background: #1f5fbf; color: #fff; font: 600 12px/1.6 system-ui, 'Hiragino Sans', 'Noto Sans CJK JP',
  Meiryo, sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.25); white-space: nowrap; }
.code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; letter-spacing: .04em; }
.left { opacity: .85; font-weight: 400; }
button { font: inherit; cursor: pointer; border: 0; border-radius: 999px; background: #fff;
  color: #1f5fbf; padding: 1px 8px; }
button:focus-visible { outline: 2px solid #ffd54f; outline-offset: 1px; }
.chooser { display: flex; flex-direction: column; gap: 4px; padding: 6px; border-radius: 10px; }
`;

/**
 * The small badge inside an OTP field: the code and its seconds, one click fills. An open shadow
 * root keeps page styles out; it floats over the field's right end so the page layout never moves.
 */
export function createBadge(
  scope: Scope,
  doc: Document,
  input: HTMLInputElement,
  ui: { t: Translate; lang: string },
): Badge {
  const { t } = ui;
  const { host, root, remove } = mountShadow(scope, doc, {
    name: 'badge',
    style: STYLE,
    place: (el) => doc.documentElement.append(el),
  });
  const box = doc.createElement('div');
  box.className = 'badge';
  box.dataset.testid = 'badge';
  box.lang = ui.lang;
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'PC Authenticator');
  root.append(box);

  const button = (label: string, testid: string, run: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.testid = testid;
    // Keep focus (and the caret) in the field the user is typing in.
    b.addEventListener('mousedown', (e) => e.preventDefault());
    // Only the user's own click (or Enter/Space on the focused button): never a page's script.
    b.addEventListener('click', fromUser(run));
    return b;
  };
  const text = (content: string, className: string) =>
    Object.assign(doc.createElement('span'), { textContent: content, className });

  let stopTicker = () => {};
  const badge: Badge = {
    host,
    showCode(code, onFill) {
      box.className = 'badge';
      const left = text(t('seconds_left', [`${code.secondsLeft}`]), 'left');
      box.replaceChildren(
        text(formatCode(code.code), 'code'),
        left,
        button(t('badge_fill'), 'badge-fill', onFill),
      );
      // Count down on our own; the controller brings the next code when this one ends.
      const endsAt = Date.now() + code.secondsLeft * 1000;
      stopTicker();
      stopTicker = scope.interval(() => {
        const seconds = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
        left.textContent = t('seconds_left', [`${seconds}`]);
      }, 1000);
      badge.place();
    },
    showChooser(codes, onPick) {
      stopTicker();
      box.className = 'badge chooser';
      box.replaceChildren(
        text(t('badge_choose'), 'left'),
        ...codes.map((code) => button(code.title, 'badge-choice', () => onPick(code))),
      );
      badge.place();
    },
    showLocked(onUnlock) {
      stopTicker();
      box.className = 'badge';
      box.replaceChildren(
        text(t('badge_locked'), 'left'),
        button(t('enroll_unlock'), 'badge-unlock', onUnlock),
      );
      badge.place();
    },
    showWaiting(seconds) {
      box.className = 'badge';
      const label = text(t('wait_next_code', [`${seconds}`]), 'left');
      box.replaceChildren(label);
      const endsAt = Date.now() + seconds * 1000;
      stopTicker();
      stopTicker = scope.interval(() => {
        const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
        label.textContent = t('wait_next_code', [`${left}`]);
      }, 1000);
      badge.place();
    },
    place() {
      const rect = input.getBoundingClientRect();
      const view = doc.defaultView;
      const width = box.offsetWidth;
      const height = box.offsetHeight;
      const x = view?.scrollX ?? 0;
      const y = view?.scrollY ?? 0;
      // In a narrow field the badge would cover what the user types: put it just below instead.
      const below = rect.width - width < 120;
      host.style.left = `${rect.right + x - width - (below ? 0 : 4)}px`;
      host.style.top = below
        ? `${rect.bottom + y + 2}px`
        : `${rect.top + y + (rect.height - height) / 2}px`;
    },
    remove: () => {
      stopTicker();
      remove();
    },
  };
  return badge;
}

/** `123456` → `123 456` for reading; the field always gets the digits alone. */
function formatCode(code: string): string {
  const half = Math.floor(code.length / 2);
  return code.length >= 6 ? `${code.slice(0, half)} ${code.slice(half)}` : code;
}
