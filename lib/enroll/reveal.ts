/**
 * Scrolls the add button into view when the page opened with it below the fold (the QR code and
 * the button end up under the browser's bottom edge on a 1366×630 screen), so the user sees the
 * one-click way at once. Only while the page is still at its top: a page the user already
 * scrolled is left where they put it. Smooth unless the user asked for reduced motion.
 */
export function revealBelowFold(element: Element, win: Window): void {
  if (win.scrollY > 0) return;
  const box = element.getBoundingClientRect();
  if (box.height === 0 || box.bottom <= win.innerHeight) return;
  const still = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  element.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
}
