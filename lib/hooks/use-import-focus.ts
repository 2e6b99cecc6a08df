import { useEffect, useRef } from 'react';
import type { PreviewStep } from './use-import';
import type { useFocusNext } from './use-focus-next';

/**
 * Keeps the keyboard focus with the import as its panel changes: the chosen file's preview takes
 * the focus (its heading, so its list is read from the top), and once it is added or cancelled the
 * focus goes back to the import section's heading, never to the page's top.
 */
export function useImportFocus(
  step: PreviewStep['step'] | null,
  focusNext: ReturnType<typeof useFocusNext>,
): void {
  const last = useRef(step);
  useEffect(() => {
    const was = last.current;
    last.current = step;
    if (step === was) return;
    if (step === 'preview') {
      focusNext(() => document.querySelector<HTMLElement>('[data-testid="import-preview"] h3'));
    } else if (step === null && was !== null) {
      focusNext(() => document.getElementById('import-title'));
    }
  }, [step, focusNext]);
}
