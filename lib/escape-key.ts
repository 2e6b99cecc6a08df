/** The parts of a keydown event (React's or the DOM's) that decide whether Esc closes something. */
interface EscapeEvent {
  key: string;
  defaultPrevented: boolean;
  /** True while an IME (Japanese input) is composing: Esc then cancels the composition only. */
  nativeEvent?: { isComposing?: boolean };
  isComposing?: boolean;
  preventDefault(): void;
  stopPropagation(): void;
}

/**
 * A keydown handler that closes a form, an editor or a confirmation on Esc. The innermost one
 * handles it (it stops the event there), and an Esc that only ends a Japanese IME composition
 * closes nothing: the user was cancelling a conversion, not the form.
 */
export function closeOnEscape(close: () => void) {
  return (event: EscapeEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (event.isComposing || event.nativeEvent?.isComposing) return;
    // Handled here: a toolbar popup would otherwise close itself on Esc too.
    event.preventDefault();
    event.stopPropagation();
    close();
  };
}
