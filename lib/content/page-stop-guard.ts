import { browser } from 'wxt/browser';
import type { Cancel } from './scope';

/**
 * The name of WXT's "newer copy started" event for this script, built as WXT's (internal)
 * getUniqueEventName builds it: the id of the extension and the name of the entrypoint this
 * bundle was built for. tests/e2e/scripted-clicks.test.ts sends the event under this name.
 */
export function scriptStartedEventName(): string {
  return `${browser.runtime?.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
}

/**
 * Keeps a page from stopping our content script. WXT ends a copy of a content script when a
 * `CustomEvent` named `<extension id>:<script>:wxt:content-script-started` reaches the document —
 * a newer copy sends it after an update. Chrome hands that event's `detail` from the page's world
 * to ours, so a page that knows our id could send it and take the badge away. A copy whose
 * extension is still `alive` has no newer copy to make way for: the event is stopped on the window,
 * in the capture phase, before it reaches WXT's listener on the document. An orphaned copy (the
 * extension was updated or reloaded) still lets it through and stops as WXT intends.
 */
export function guardAgainstPageStop(
  view: Window,
  eventName: string,
  alive: () => boolean,
): Cancel {
  const guard = (event: Event) => {
    if (alive()) event.stopImmediatePropagation();
  };
  view.addEventListener(eventName, guard, { capture: true });
  return () => view.removeEventListener(eventName, guard, { capture: true });
}
