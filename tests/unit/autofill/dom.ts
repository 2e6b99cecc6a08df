// jsdom documents for the detection tests (no layout: visibility is read from markup).
import { JSDOM } from 'jsdom';

/** A document for `html` (a fragment goes into the body). */
export function documentOf(html: string): Document {
  return new JSDOM(html).window.document;
}

/** The element with this id; throws so a typo fails loudly. */
export function byId<T extends HTMLElement = HTMLElement>(root: Document, id: string): T {
  const el = root.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el as T;
}
