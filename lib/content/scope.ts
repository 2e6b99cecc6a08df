/** Undoes one thing a controller did to the page; safe to call twice. */
export type Cancel = () => void;

/**
 * Everything one in-page controller added — listeners, observers, timers, shadow hosts — so that
 * `stop()` takes it all back. Controllers run inside WXT's content-script context, which can only
 * end as a whole; a scope lets one controller end alone, and the starter ends every scope with
 * `ctx.onInvalidated(stop)`. The scan overlay (injected by `scripting.executeScript`, with no
 * context) uses one too.
 */
export interface Scope {
  /** `addEventListener`, removed on stop. */
  listen<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    handler: (event: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): Cancel;
  listen<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): Cancel;
  listen<K extends keyof HTMLElementEventMap>(
    target: HTMLElement,
    type: K,
    handler: (event: HTMLElementEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): Cancel;
  /** Our own events (e.g. a newer scan overlay telling this one to stop). */
  listen(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): Cancel;
  /** `setTimeout` that never fires after stop. */
  timeout(run: () => void, ms: number): Cancel;
  /** `setInterval`, cleared on stop. */
  interval(run: () => void, ms: number): Cancel;
  /** Runs once the page is idle, or after `timeoutMs` at the latest. */
  idle(run: () => void, timeoutMs: number): Cancel;
  /** A MutationObserver on `target`, disconnected on stop. */
  observe(target: Node, options: MutationObserverInit, callback: MutationCallback): Cancel;
  /** Any other undo step (removing a shadow host, closing a port); runs on stop. */
  onStop(undo: () => void): Cancel;
  /** Undoes everything, newest first; later calls on the scope do nothing. */
  stop(): void;
  readonly stopped: boolean;
}

/** A new, empty scope. */
export function createScope(): Scope {
  const undos = new Set<Cancel>();
  let stopped = false;

  // Registers `undo`; the returned cancel runs it once and forgets it.
  const track = (undo: () => void): Cancel => {
    if (stopped) {
      undo();
      return () => {};
    }
    const cancel = () => {
      if (undos.delete(cancel)) undo();
    };
    undos.add(cancel);
    return cancel;
  };

  const timeout = (run: () => void, ms: number): Cancel => {
    const id = setTimeout(() => {
      cancel();
      run();
    }, ms);
    const cancel = track(() => clearTimeout(id));
    return cancel;
  };

  return {
    listen(
      target: EventTarget,
      type: string,
      handler: (event: never) => void,
      options?: AddEventListenerOptions,
    ) {
      const listener = handler as EventListener;
      target.addEventListener(type, listener, options);
      return track(() => target.removeEventListener(type, listener, options?.capture));
    },
    timeout,
    interval(run, ms) {
      const id = setInterval(run, ms);
      return track(() => clearInterval(id));
    },
    idle(run, timeoutMs) {
      // jsdom (unit tests) has no requestIdleCallback; a plain timeout behaves the same there.
      if (typeof requestIdleCallback !== 'function') return timeout(run, 0);
      const id = requestIdleCallback(
        () => {
          cancel();
          run();
        },
        { timeout: timeoutMs },
      );
      const cancel = track(() => cancelIdleCallback(id));
      return cancel;
    },
    observe(target, options, callback) {
      const observer = new MutationObserver(callback);
      observer.observe(target, options);
      return track(() => observer.disconnect());
    },
    onStop: track,
    stop() {
      if (stopped) return;
      stopped = true;
      for (const undo of [...undos].reverse()) undo();
    },
    get stopped() {
      return stopped;
    },
  };
}
