// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../lib/app-error';
import type { ImportOutcome } from '../../../lib/messaging';
import { showScanOverlay } from '../../../lib/scan/overlay';
import { trackPageListeners } from '../content/page-listeners';
import { dispatchTrusted } from '../content/trusted';

describe('the scan overlay', () => {
  let listeners: ReturnType<typeof trackPageListeners>;
  let before: string;
  let reply: Result<ImportOutcome[]>;
  const sendRegion = vi.fn(async () => reply);
  const show = () => showScanOverlay({ doc: document, t: (key) => key, lang: 'ja', sendRegion });
  const hosts = () => document.querySelectorAll('pc-authenticator-scan');
  const veil = () =>
    hosts()[0]!.shadowRoot!.querySelector<HTMLElement>('[data-testid="scan-overlay"]')!;
  const drag = (from: number, to: number) => {
    const at = (type: string, xy: number) =>
      dispatchTrusted(veil(), new MouseEvent(type, { clientX: xy, clientY: xy, bubbles: true }));
    at('mousedown', from);
    at('mousemove', to);
    at('mouseup', to);
  };

  beforeEach(() => {
    vi.useFakeTimers();
    sendRegion.mockClear();
    before = document.documentElement.outerHTML;
    listeners = trackPageListeners();
  });
  afterEach(() => {
    listeners.restore();
    vi.useRealTimers();
    document.documentElement.innerHTML = '<head></head><body></body>';
  });

  it('sends the box drawn, and stop() leaves the page as it was', async () => {
    reply = { ok: true, value: [] };
    const overlay = show();
    expect(veil().lang).toBe('ja');
    drag(10, 110);
    await vi.advanceTimersByTimeAsync(0);
    // jsdom has no layout: the viewport width falls back to innerWidth.
    expect(sendRegion).toHaveBeenCalledWith({ x: 10, y: 10, width: 100, height: 100 }, innerWidth);
    expect(veil().textContent).toContain('overlay_none');
    overlay.stop();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(listeners.active()).toEqual([]);
  });

  it('goes on Escape, and on its own 4 s after a success', async () => {
    show();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(hosts()).toHaveLength(1);
    dispatchTrusted(document, new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(hosts()).toHaveLength(0);
    expect(listeners.active()).toEqual([]);

    reply = { ok: true, value: [{ kind: 'added', title: 'KOSMO' }] };
    show();
    drag(10, 110);
    await vi.advanceTimersByTimeAsync(0);
    expect(veil().textContent).toContain('scan_added');
    await vi.advanceTimersByTimeAsync(4000);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(listeners.active()).toEqual([]);
  });

  it('a page’s synthetic drag and close do nothing', async () => {
    show();
    for (const [type, xy] of [
      ['mousedown', 10],
      ['mousemove', 110],
      ['mouseup', 110],
    ] as const) {
      veil().dispatchEvent(new MouseEvent(type, { clientX: xy, clientY: xy, bubbles: true }));
    }
    const close = veil().querySelector('button')!;
    close.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(sendRegion).not.toHaveBeenCalled();
    expect(hosts()).toHaveLength(1);
    dispatchTrusted(close, new MouseEvent('click', { bubbles: true }));
    expect(hosts()).toHaveLength(0);
  });

  it('a page’s stop event does not close it', () => {
    const overlay = show();
    document.dispatchEvent(new CustomEvent('pc-authenticator-scan-stop'));
    expect(hosts()).toHaveLength(1);
    overlay.stop();
  });

  it('a new scan stops the overlay before it, listeners and all', () => {
    show();
    const second = show();
    expect(hosts()).toHaveLength(1);
    second.stop();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(listeners.active()).toEqual([]);
  });

  it('a reply after stop changes nothing', async () => {
    let answer: (value: Result<ImportOutcome[]>) => void = () => {};
    sendRegion.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const overlay = show();
    drag(10, 110);
    overlay.stop();
    answer({ ok: true, value: [{ kind: 'added', title: 'KOSMO' }] });
    await vi.advanceTimersByTimeAsync(5000);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
