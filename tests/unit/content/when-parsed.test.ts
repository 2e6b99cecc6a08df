// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { whenParsed } from '../../../lib/content/when-parsed';
import { dispatchTrusted } from './trusted';

/** A document still being parsed, as the content script finds it at document_start. */
function loadingDocument(): Document {
  const doc = document.implementation.createHTMLDocument('login');
  Object.defineProperty(doc, 'readyState', { value: 'loading', configurable: true });
  return doc;
}

const parsed = (doc: Document) => dispatchTrusted(doc, new Event('DOMContentLoaded'));

describe('starting once the page’s HTML is parsed', () => {
  it('starts at once on a page already parsed (a script injected at document_idle)', () => {
    let started = 0;
    whenParsed(document, () => started++);
    expect(started).toBe(1);
  });

  it('waits for DOMContentLoaded, starts once, and not for a page script’s fake event', () => {
    const doc = loadingDocument();
    let started = 0;
    whenParsed(doc, () => started++);
    expect(started).toBe(0);
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(started).toBe(0);
    parsed(doc);
    parsed(doc);
    expect(started).toBe(1);
  });

  it('never starts once undone (the extension was reloaded while the page loaded)', () => {
    const doc = loadingDocument();
    let started = 0;
    const undo = whenParsed(doc, () => started++);
    undo();
    parsed(doc);
    expect(started).toBe(0);
  });
});
