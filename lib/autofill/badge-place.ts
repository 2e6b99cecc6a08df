/**
 * Where the badge goes beside an OTP field without hiding anything of the page: inside the
 * field's right end when the field is wide enough, else right of it, above it or below it —
 * the first spot that overlaps none of the page's controls and labels — else nowhere (the badge
 * folds into a small icon inside the field). An unstyled or narrow login page puts 「ログイン」
 * right under the field, where the badge used to go.
 */

/** A box in viewport pixels (as `getBoundingClientRect` gives). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Size {
  width: number;
  height: number;
}

/** Room left in the field for what the user types when the badge sits inside it. */
const TYPING_ROOM = 120;
const GAP = 4;

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const boxAt = (left: number, top: number, size: Size): Box => ({
  left,
  top,
  right: left + size.width,
  bottom: top + size.height,
});

/**
 * The badge's top-left corner (viewport pixels) for a badge of `size` beside `field`, or null
 * when every spot would cover one of `obstacles` or leave the viewport's width.
 */
export function placeBadge(
  field: Box,
  size: Size,
  obstacles: readonly Box[],
  viewportWidth: number,
): { left: number; top: number } | null {
  const middle = field.top + (field.bottom - field.top - size.height) / 2;
  const candidates: Box[] = [];
  // Inside only when it fits the field's height too: a list or a note would hang over the page.
  const fieldHeight = field.bottom - field.top;
  if (field.right - field.left - size.width >= TYPING_ROOM && size.height <= fieldHeight) {
    candidates.push(boxAt(field.right - size.width - GAP, middle, size));
  }
  candidates.push(
    boxAt(field.right + GAP, middle, size),
    boxAt(field.right - size.width, field.top - size.height - GAP, size),
    boxAt(field.right - size.width, field.bottom + GAP, size),
  );
  const fits = (spot: Box) =>
    spot.left >= 0 &&
    spot.right <= viewportWidth &&
    !obstacles.some((obstacle) => overlaps(spot, obstacle));
  const spot = candidates.find(fits);
  return spot ? { left: spot.left, top: spot.top } : null;
}

/** What a badge may not cover: controls, links and labels near the field. */
const CONTROLS =
  'button, a[href], input:not([type="hidden"]), select, textarea, label, [role="button"], [role="link"], [onclick]';

/**
 * The boxes of the page's controls around `input` (its form and what sits beside the form),
 * except the field itself. Labels count by their text only: a block label's empty right end
 * is free room.
 */
export function obstaclesNear(input: HTMLInputElement, skip: readonly Element[] = []): Box[] {
  const form = input.form ?? input.closest('form');
  const root =
    form?.parentElement ?? input.parentElement?.parentElement ?? input.ownerDocument.body;
  const boxes: Box[] = [];
  for (const el of [...root.querySelectorAll(CONTROLS)].slice(0, 200)) {
    if (el === input || skip.includes(el)) continue;
    const box = el.tagName === 'LABEL' ? textBox(el) : el.getBoundingClientRect();
    if (box.right - box.left > 0 && box.bottom - box.top > 0) boxes.push(box);
  }
  return boxes;
}

function textBox(el: Element): Box {
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  // jsdom has no layout (nor Range#getBoundingClientRect): fall back to the element's box.
  return typeof range.getBoundingClientRect === 'function'
    ? range.getBoundingClientRect()
    : el.getBoundingClientRect();
}
