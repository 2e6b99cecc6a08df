/**
 * Wraps an in-page control's handler so it runs only for events the browser made from the user's
 * own input: a real click, or Enter/Space on a focused button (the browser turns those into a
 * trusted click too). Our shadow roots stay open, so a page's script can reach our buttons and
 * call `.click()` or `dispatchEvent`; those events are untrusted and do nothing — no page can
 * enroll, fill or open tabs in the user's name.
 */
export function fromUser<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
