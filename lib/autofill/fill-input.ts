/**
 * Sets an input's value the way typing would: through the native setter (so React, Vue and
 * Angular, which wrap `value`, notice) followed by `input` and `change` events.
 */
export function fillInput(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
