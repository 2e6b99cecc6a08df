import { useEffect, type RefObject } from 'react';

/**
 * The popup's list keys: `/` (outside a text field) jumps to the search box, ↓ in the search box
 * moves into the results (the first row, `[data-row-focus]`).
 */
export function useSearchKeys(searchRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (event.key === '/' && !typing && searchRef.current) {
        event.preventDefault();
        searchRef.current.focus();
      } else if (event.key === 'ArrowDown' && event.target === searchRef.current) {
        event.preventDefault();
        document.querySelector<HTMLElement>('[data-row-focus]')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [searchRef]);
}
