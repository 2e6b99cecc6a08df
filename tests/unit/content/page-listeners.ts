// Counts the event listeners a controller leaves on the page (window, document, page elements),
// to check that stop() took them all back. Listeners inside our own shadow roots go with them.

interface Entry {
  target: EventTarget;
  type: string;
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
}

const captureOf = (options?: boolean | EventListenerOptions) =>
  typeof options === 'boolean' ? options : Boolean(options?.capture);

/**
 * The object that defines `addEventListener` for `target`: jsdom's EventTarget prototype, or the
 * test's global object itself, which Vitest gives its own copy.
 */
function ownerOf(target: EventTarget): EventTarget {
  let proto: EventTarget | null = target;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'addEventListener')) {
    proto = Object.getPrototypeOf(proto) as EventTarget | null;
  }
  if (!proto) throw new Error('no addEventListener');
  return proto;
}

/** Records add/removeEventListener from now on; `restore()` puts the originals back. */
export function trackPageListeners() {
  const entries: Entry[] = [];
  const restores = [...new Set([ownerOf(window), ownerOf(document)])].map((proto) => {
    const add = proto.addEventListener;
    const remove = proto.removeEventListener;
    proto.addEventListener = function (this: EventTarget, type, listener, options) {
      if (listener) entries.push({ target: this, type, listener, capture: captureOf(options) });
      add.call(this, type, listener, options);
    };
    proto.removeEventListener = function (this: EventTarget, type, listener, options) {
      const capture = captureOf(options);
      const i = entries.findIndex(
        (e) =>
          e.target === this && e.type === type && e.listener === listener && e.capture === capture,
      );
      if (i >= 0) entries.splice(i, 1);
      remove.call(this, type, listener, options);
    };
    return () => {
      proto.addEventListener = add;
      proto.removeEventListener = remove;
    };
  });
  const onPage = ({ target }: Entry) =>
    target === window || target === document || (target as Node).getRootNode?.() === document;
  return {
    /** `type`s of the listeners still on the page. */
    active: () => entries.filter(onPage).map((e) => e.type),
    restore: () => restores.forEach((restore) => restore()),
  };
}
