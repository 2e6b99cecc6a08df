import { pinnedFirst } from '../account-order';
import { SEARCH_THRESHOLD } from '../account-search';
import type { Translate } from '../i18n';
import { formatCodeForDisplay } from '../otp/step-time';
import type { FirstRows } from '../vault-state';

/**
 * Rows drawn before the rest: about 8 fill the popup, a few more cover a larger window. The first
 * paint draws (and asks the worker for) this many; the app's list renders them first too.
 */
export const FIRST_ROWS = 12;

/**
 * The unlocked popup drawn with plain DOM the moment the worker answers, before the UI's code has
 * loaded (issue 13): the bar, the two add buttons, the search box and the first rows, with the
 * classes, texts and test hooks of PopupHeader, PopupActions, SearchBox and AccountRow (its
 * 「未確定」 badge too), so nothing moves when the app replaces it a moment later. Only a picture:
 * it has no handlers, and the search box takes no typing. `first` may hold only the first rows;
 * its total decides the search box. Each code is the worker's current one (made at the clock
 * corrected for its site). Draws nothing while locked, without accounts, or once the app has drawn.
 * @returns whether it drew
 */
export function paintFirstCodes(
  root: HTMLElement,
  first: FirstRows | undefined,
  t: Translate,
): boolean {
  const state = first?.state;
  const accounts = state?.status === 'unlocked' ? (state.list?.accounts ?? []) : [];
  if (accounts.length === 0 || root.firstChild) return false;
  const main = el('main');
  main.dataset.firstPaint = '';
  // Not operable yet: automation (Playwright) waits for the app's controls instead of clicking
  // this picture, and assistive technology says so.
  main.setAttribute('aria-disabled', 'true');
  const brand = el('h1', 'brand', PRODUCT);
  brand.prepend(icon());
  main.append(
    el('header', 'bar', brand, button('small', `＋ ${t('add_short')}`), button('small', t('lock'))),
    el('div', 'actions', button('', scanIcon(), t('scan_button')), button('', t('open_manage'))),
  );
  if ((first?.total ?? 0) > SEARCH_THRESHOLD) {
    const search = Object.assign(el('input'), { type: 'search', readOnly: true });
    search.placeholder = t('search_placeholder');
    main.append(el('div', 'search', search));
  }
  const list = el('ul', 'accounts');
  for (const account of pinnedFirst(accounts).slice(0, FIRST_ROWS)) {
    const code = account.codes?.current;
    const shown = el('span', 'code', code ? formatCodeForDisplay(code) : '…');
    shown.dataset.testid = 'account-code';
    const title = el('button', 'account-main', ...titleOf(account));
    if (account.pending) {
      const badge = el('span', 'pending-badge', t('account_pending'));
      badge.dataset.testid = 'account-pending';
      badge.title = t('account_pending_hint');
      title.append(badge);
    }
    title.append(el('span', 'code-line', shown));
    const row = el('li', 'account', title);
    row.dataset.testid = 'account';
    list.append(row);
  }
  main.append(list);
  root.append(main);
  return true;
}

const PRODUCT = 'PC Authenticator';

/** The QR-code picture on 「画面のQRコードを読み取る」 (PopupActions draws it too). */
export const SCAN_ICON_PATH =
  'M3 3h7v7H3V3zm2 2v3h3V5H5zm9-2h7v7h-7V3zm2 2v3h3V5h-3zM3 14h7v7H3v-7zm2 2v3h3v-3H5zm9-2h2v2h-2v-2zm4 0h3v2h-3v-2zm-4 4h2v3h-2v-3zm4 1h3v2h-3v-2z';

function scanIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', SCAN_ICON_PATH);
  svg.append(path);
  return svg;
}

function titleOf(account: { issuer: string; name: string }): HTMLElement[] {
  const issuer = el('span', 'account-issuer', account.issuer || account.name);
  const name = el('span', 'account-name', account.issuer ? account.name : '');
  issuer.dataset.testid = 'account-issuer';
  name.dataset.testid = 'account-name';
  return [issuer, name];
}

function icon(): HTMLImageElement {
  return Object.assign(document.createElement('img'), {
    src: '/icon/32.png',
    alt: '',
    width: 20,
    height: 20,
  });
}

function button(className: string, ...content: (Node | string)[]): HTMLButtonElement {
  const b = el('button', className, ...content);
  b.type = 'button';
  return b;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}
