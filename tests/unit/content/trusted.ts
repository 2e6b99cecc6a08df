// jsdom marks every event a script dispatches untrusted, as browsers do; the controls must answer
// the user's own input. jsdom keeps `isTrusted` on the event's implementation object and sets it
// to false in `dispatchEvent`, so a trusted event goes through the target's internal dispatch.
import { createRequire } from 'node:module';

interface EventImpl {
  isTrusted: boolean;
}
interface TargetImpl {
  _dispatch(event: EventImpl): boolean;
}

const idl = createRequire(import.meta.url)('jsdom/lib/generated/idl/utils.js') as {
  implForWrapper(wrapper: object): unknown;
};

/** Dispatches `event` on `target` as the browser does for the user's input (`isTrusted`). */
export function dispatchTrusted(target: EventTarget, event: Event): boolean {
  const impl = idl.implForWrapper(event) as EventImpl;
  impl.isTrusted = true;
  return (idl.implForWrapper(target) as TargetImpl)._dispatch(impl);
}

/** A click as the user makes it (`element.click()` is a script's, and untrusted). */
export function userClick(element: Element): void {
  dispatchTrusted(element, new MouseEvent('click', { bubbles: true, cancelable: true }));
}
