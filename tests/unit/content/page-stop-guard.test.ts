// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { guardAgainstPageStop } from '../../../lib/content/page-stop-guard';

const NAME = 'extension-id:kosmo:wxt:content-script-started';

describe('the guard against a page stopping the content script', () => {
  it('keeps the “newer copy started” event from WXT’s listener while the extension is alive', () => {
    let alive = true;
    const heard: string[] = [];
    const listener = (event: Event) =>
      heard.push((event as CustomEvent<{ from: string }>).detail.from);
    document.addEventListener(NAME, listener);
    const send = (from: string) =>
      document.dispatchEvent(
        new CustomEvent(NAME, { detail: { contentScriptName: 'kosmo', from } }),
      );
    const unguard = guardAgainstPageStop(window, NAME, () => alive);

    send('page');
    expect(heard).toEqual([]);
    // Orphaned by an update: the newer copy's event goes through, as WXT intends.
    alive = false;
    send('newer copy');
    expect(heard).toEqual(['newer copy']);
    alive = true;
    unguard();
    send('after stop');
    expect(heard).toEqual(['newer copy', 'after stop']);
    document.removeEventListener(NAME, listener);
  });
});
