/**
 * Runs `start` once `doc`'s HTML is parsed: at once if it already is, else at DOMContentLoaded.
 * The content scripts are injected at document_start, so the first look at a page can come right
 * as its HTML is complete, not at document_idle, which Chrome may put off until the page's
 * images and style sheets have loaded (tens of ms on a login page, the auto-fill's budget).
 * Every field already in the HTML is complete by then (a Keycloak page's error under the field
 * comes after the field). Only the browser's own event counts: a page's script could send one
 * while its HTML is half read. Returns an undo that keeps `start` from running, if it has not yet.
 */
export function whenParsed(doc: Document, start: () => void): () => void {
  if (doc.readyState !== 'loading') {
    start();
    return () => {};
  }
  const stop = () => doc.removeEventListener('DOMContentLoaded', run);
  const run = (event: Event) => {
    if (!event.isTrusted) return;
    stop();
    start();
  };
  doc.addEventListener('DOMContentLoaded', run);
  return stop;
}
