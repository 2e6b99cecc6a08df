import { fromUser } from '../content/from-user';

/** The badge's building blocks: buttons that answer only the user, and text spans. */
export function badgeParts(doc: Document) {
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
  return { button, text };
}

/** A key: the folded badge's icon. */
export const KEY_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M7 14a2 2 0 1 1 0-4 2 2 0 0 1 0 4zm5.6-4A6 6 0 1 0 12.6 14H16v3h3v-3h2v-4z"/></svg>';

/** `123456` → `123 456` for reading; the field always gets the digits alone. */
export function formatCode(code: string): string {
  const half = Math.floor(code.length / 2);
  return code.length >= 6 ? `${code.slice(0, half)} ${code.slice(half)}` : code;
}
