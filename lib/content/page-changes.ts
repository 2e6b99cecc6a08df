import type { Cancel, Scope } from './scope';

/**
 * How long a burst of page changes may wait for an idle moment before it is scanned. The goal
 * for auto-fill is field present → code filled within 100 ms (tests/bench/fill-latency.ts).
 */
const SCAN_TIMEOUT_MS = 50;

/** Our own hosts (`pc-authenticator-badge`, …): adding or removing them reveals no field. */
const OWN_TAG = /^PC-AUTHENTICATOR-/;

const isPageElement = (node: Node): boolean =>
  node.nodeType === Node.ELEMENT_NODE && !OWN_TAG.test((node as Element).tagName);

/** Only elements coming or going can reveal a field: text updates and our own UI cannot. */
const relevant = (record: MutationRecord): boolean =>
  [...record.addedNodes].some(isPageElement) || [...record.removedNodes].some(isPageElement);

/**
 * Calls `scan` once per burst of page changes, when the page is idle (at the latest after
 * SCAN_TIMEOUT_MS), instead of synchronously on every mutation — a script that builds a form node
 * by node costs one scan, not hundreds. Ends with `scope`.
 */
export function onPageChanges(scope: Scope, doc: Document, scan: () => void): void {
  let pending: Cancel | null = null;
  scope.observe(doc.documentElement, { childList: true, subtree: true }, (records) => {
    if (pending || !records.some(relevant)) return;
    pending = scope.idle(() => {
      pending = null;
      scan();
    }, SCAN_TIMEOUT_MS);
  });
}
