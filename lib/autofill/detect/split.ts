import { isCodeInput, isSentCodeField } from './exclusions';
import { MAX_CODE_LENGTH, MIN_CODE_LENGTH } from './generic';
import type { IsVisible } from './types';

/** How far up a box's wrappers may go: `row > group > cell > input` is common. */
const MAX_DEPTH = 3;

/**
 * A row of 6–8 one-character fields (`maxlength="1"`) in one container, in DOM order. The
 * closest container wins, so a 3 + 3 layout is found through its shared parent.
 * @see ../../../../shared/keycloak-pages.md (Other sites)
 */
export function findSplitInputs(root: ParentNode, isVisible: IsVisible): HTMLInputElement[] | null {
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input')].filter(
    (input) =>
      input.maxLength === 1 && isCodeInput(input, isVisible) && !isSentCodeField(input, root),
  );
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    const rows = new Map<Element, HTMLInputElement[]>();
    for (const box of boxes) {
      const container = ancestor(box, depth);
      if (!container) continue;
      const row = rows.get(container) ?? [];
      row.push(box);
      rows.set(container, row);
    }
    for (const row of rows.values()) {
      if (row.length >= MIN_CODE_LENGTH && row.length <= MAX_CODE_LENGTH) return row;
    }
  }
  return null;
}

function ancestor(el: Element, depth: number): Element | null {
  let e: Element | null = el;
  for (let i = 0; i < depth && e; i++) e = e.parentElement;
  return e;
}

/**
 * One character per box; white space dropped first, since a code is never typed with a space
 * (apps show `123 456`). Null when the code does not have exactly `count` characters.
 */
export function splitCode(code: string, count: number): string[] | null {
  const chars = [...code.replace(/\s+/g, '')];
  return chars.length === count ? chars : null;
}
