/**
 * Sets an input's value the way typing would: through the native setter (so React, Vue and
 * Angular, which wrap `value`, notice) followed by `input` and `change` events.
 */
export function fillInput(input: HTMLInputElement, value: string): void {
  // The input's own window: a page in a frame has its own HTMLInputElement.
  const view = input.ownerDocument.defaultView;
  const proto = view ? view.HTMLInputElement.prototype : Object.getPrototypeOf(input);
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  const EventType = view?.Event ?? Event;
  input.dispatchEvent(new EventType('input', { bubbles: true }));
  input.dispatchEvent(new EventType('change', { bubbles: true }));
}
