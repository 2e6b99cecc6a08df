import type { Scope } from '../content/scope';
import { mountShadow } from '../content/shadow-mount';
import type { Translate } from '../i18n';
import type { SiteChoice, SiteCode } from '../messaging';
import { badgeParts, formatCode, KEY_ICON } from './badge-parts';
import { obstaclesNear, placeBadge } from './badge-place';
import { BADGE_STYLE } from './badge-style';

export interface Badge {
  host: HTMLElement;
  /** The code, its seconds and 「入力」; `note` says what just happened (an account was bound). */
  showCode(code: SiteCode, onFill: () => void, note?: string): void;
  showChooser(codes: SiteCode[], onPick: (code: SiteCode) => void): void;
  showLocked(onUnlock: () => void): void;
  /** Nothing bound here fits: 「使うアカウントを選ぶ」 opens the list (on the user's click). */
  showChoose(onOpen: () => void): void;
  /** The accounts the user may bind here (issuer and name); a pick binds and fills. */
  showChoices(
    choices: SiteChoice[],
    onPick: (choice: SiteChoice) => void,
    onClose: () => void,
  ): void;
  /** A sentence and nothing to press (e.g. no account for this user). */
  showMessage(text: string): void;
  /** 「次のコードを待っています（12秒）」: the current step was used; counts down on its own. */
  showWaiting(seconds: number): void;
  /** Keeps the badge beside the field, covering none of the page's controls, as it scrolls or reflows. */
  place(): void;
  remove(): void;
}

/**
 * The small badge beside an OTP field: the code and its seconds, one click fills. An open shadow
 * root keeps page styles out; it floats over the page (never moving its layout) where it hides
 * none of the page's controls (badge-place.ts), folding into an icon when there is no such spot.
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
    style: BADGE_STYLE,
    place: (el) => doc.documentElement.append(el),
  });
  const { button, text } = badgeParts(doc);
  const box = doc.createElement('div');
  box.className = 'badge';
  box.dataset.testid = 'badge';
  box.lang = ui.lang;
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'PC Authenticator');

  // Folded (no free spot): a small icon in the field; the user's click unfolds the badge under
  // the field, like a menu, until they click elsewhere or fill.
  let unfolded = false;
  const fold = (open: boolean) => {
    unfolded = open;
    badge.place();
  };
  const mini = button('', 'badge-expand', () => fold(!unfolded));
  mini.className = 'mini';
  mini.innerHTML = KEY_ICON;
  mini.setAttribute('aria-label', t('badge_expand'));
  mini.title = t('badge_expand');
  root.append(box, mini);
  const stopOutside = scope.listen(
    doc,
    'pointerdown',
    (event) => unfolded && !event.composedPath().includes(host) && fold(false),
    { capture: true },
  );

  // Nothing shows before the controller has something to say (a code may be waited out first).
  let drawn = false;
  box.hidden = true;
  mini.hidden = true;
  let stopTicker = () => {};
  const show = (className: string, ...children: Node[]) => {
    drawn = true;
    stopTicker();
    box.className = className;
    box.replaceChildren(...children);
    badge.place();
  };
  const badge: Badge = {
    host,
    showCode(code, onFill, note) {
      const left = text(t('seconds_left', [`${code.secondsLeft}`]), 'left');
      const row = [
        text(formatCode(code.code), 'code'),
        left,
        button(t('badge_fill'), 'badge-fill', () => {
          onFill();
          if (unfolded) fold(false);
        }),
      ];
      show(note ? 'badge noted' : 'badge', ...(note ? [text(note, 'note'), ...row] : row));
      // Count down on our own; the controller brings the next code when this one ends.
      const endsAt = Date.now() + code.secondsLeft * 1000;
      stopTicker = scope.interval(() => {
        const seconds = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
        left.textContent = t('seconds_left', [`${seconds}`]);
      }, 1000);
    },
    showChooser(codes, onPick) {
      show(
        'badge chooser',
        text(t('badge_choose'), 'left'),
        ...codes.map((code) => button(code.title, 'badge-choice', () => onPick(code))),
      );
    },
    showLocked(onUnlock) {
      show(
        'badge',
        text(t('badge_locked'), 'left'),
        button(t('enroll_unlock'), 'badge-unlock', onUnlock),
      );
    },
    showChoose(onOpen) {
      show('badge', button(t('badge_choose_open'), 'badge-choose', onOpen));
    },
    showChoices(choices, onPick, onClose) {
      const items = choices.map((choice) => {
        const b = button('', 'badge-choice', () => onPick(choice));
        b.append(text(choice.issuer || choice.name, 'issuer'));
        if (choice.issuer && choice.name) b.append(text(choice.name, 'name'));
        return b;
      });
      const title = text(t(items.length ? 'badge_choose_title' : 'badge_choose_empty'), 'left');
      show(
        'badge chooser',
        title,
        ...items,
        button(t('badge_choose_close'), 'badge-choose-close', onClose),
      );
    },
    showMessage(message) {
      show('badge noted', text(message, 'note'));
    },
    showWaiting(seconds) {
      const label = text(t('wait_next_code', [`${seconds}`]), 'left');
      show('badge', label);
      const endsAt = Date.now() + seconds * 1000;
      stopTicker = scope.interval(() => {
        const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
        label.textContent = t('wait_next_code', [`${left}`]);
      }, 1000);
    },
    place() {
      if (!drawn) return;
      const view = doc.defaultView;
      const field = input.getBoundingClientRect();
      // Measured at the left edge, so the width it has is the width it wants.
      host.style.left = '0px';
      box.hidden = false;
      mini.hidden = true;
      const size = { width: box.offsetWidth, height: box.offsetHeight };
      const width = doc.documentElement.clientWidth || view?.innerWidth || 0;
      let spot = placeBadge(field, size, obstaclesNear(input), width);
      if (spot) unfolded = false;
      else if (unfolded)
        spot = { left: Math.max(0, field.right - size.width), top: field.bottom + 4 };
      else {
        box.hidden = true;
        mini.hidden = false;
        const middle = field.top + (field.height - mini.offsetHeight) / 2;
        spot = { left: field.right - mini.offsetWidth - 4, top: middle };
      }
      host.style.left = `${spot.left + (view?.scrollX ?? 0)}px`;
      host.style.top = `${spot.top + (view?.scrollY ?? 0)}px`;
    },
    remove: () => {
      stopTicker();
      stopOutside();
      remove();
    },
  };
  return badge;
}
