import type { Cancel, Scope } from './scope';

/** One of our in-page UIs: its host element in the page and the shadow root it draws in. */
export interface ShadowMount {
  host: HTMLElement;
  root: ShadowRoot;
  /** Takes the host out of the page (also done when the scope stops). */
  remove: Cancel;
}

/**
 * Mounts `<pc-authenticator-{name}>` with an **open** shadow root holding `style` and `html`: the
 * page's styles can't reach in, while tests and acceptance checks can (`data-testid`s inside).
 * `place` puts the host into the page; the host leaves with `scope`. WXT's createShadowRootUi is
 * not used: it loads CSS files asynchronously and needs a content-script context, which the
 * injected scan overlay has not.
 */
export function mountShadow(
  scope: Scope,
  doc: Document,
  options: {
    name: 'badge' | 'enroll' | 'scan' | 'recovery' | 'reason';
    style: string;
    html?: string;
    place: (host: HTMLElement) => void;
  },
): ShadowMount {
  const host = doc.createElement(`pc-authenticator-${options.name}`);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>${options.style}</style>${options.html ?? ''}`;
  options.place(host);
  return { host, root, remove: scope.onStop(() => host.remove()) };
}
