import type { ClearRequest } from '../messaging';

/** The clipboard's text, through a paste into a scratch field (needs `clipboardRead`). */
function readClipboard(doc: Document): string {
  const area = doc.createElement('textarea');
  doc.body.append(area);
  area.focus();
  doc.execCommand('paste');
  const text = area.value;
  area.remove();
  return text;
}

/** Empties the clipboard: `execCommand('copy')` with a `copy` handler that sets nothing. */
function emptyClipboard(doc: Document): void {
  const onCopy = (event: ClipboardEvent) => {
    event.preventDefault();
    event.clipboardData?.setData('text/plain', '');
  };
  doc.addEventListener('copy', onCopy);
  doc.execCommand('copy');
  doc.removeEventListener('copy', onCopy);
}

/**
 * After the delay, empties the clipboard only if it still holds that code: whatever the user
 * copied since (in any program) is theirs and stays.
 */
export function scheduleClear(
  doc: Document,
  request: ClearRequest,
  timers: Map<string, number>,
): void {
  const previous = timers.get('clear');
  if (previous !== undefined) clearTimeout(previous);
  const timer = window.setTimeout(() => {
    timers.delete('clear');
    if (readClipboard(doc) === request.code) emptyClipboard(doc);
  }, request.delayMs);
  timers.set('clear', timer);
}
