import { useCallback, useEffect, useRef } from 'react';

/** How long a request waits for its content to appear before it is dropped. */
const WAIT_MS = 3000;

interface Request {
  find: () => HTMLElement | null | undefined;
  until: number;
}

/**
 * Moves the keyboard focus to new content once it is on screen: after creating the vault, after
 * unlocking, after adding an account (the new row). `focusNext(find)` is called when the action
 * succeeded; `find` is tried at once and after every render until it returns an element, for a
 * few seconds at most, so a late answer never steals the focus from what the user went on to do.
 */
export function useFocusNext(): (find: () => HTMLElement | null | undefined) => void {
  const pending = useRef<Request | null>(null);
  const attempt = useCallback(() => {
    const request = pending.current;
    if (!request) return;
    const target = Date.now() <= request.until ? request.find() : null;
    if (target) target.focus();
    if (target || Date.now() > request.until) pending.current = null;
  }, []);
  useEffect(attempt);
  return useCallback(
    (find) => {
      pending.current = { find, until: Date.now() + WAIT_MS };
      // The new content may be on screen already (the render came before the reply's callback).
      setTimeout(attempt, 0);
    },
    [attempt],
  );
}
