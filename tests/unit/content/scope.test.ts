// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScope } from '../../../lib/content/scope';
import { trackPageListeners } from './page-listeners';

describe('a scope', () => {
  let listeners: ReturnType<typeof trackPageListeners>;
  beforeEach(() => {
    vi.useFakeTimers();
    listeners = trackPageListeners();
  });
  afterEach(() => {
    listeners.restore();
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('takes back every listener, timer, observer and undo step on stop, newest first', async () => {
    const scope = createScope();
    const seen: string[] = [];
    scope.onStop(() => seen.push('first'));
    scope.listen(window, 'resize', () => seen.push('resize'), { passive: true });
    scope.listen(document, 'keydown', () => seen.push('key'), { capture: true });
    scope.timeout(() => seen.push('timeout'), 100);
    scope.interval(() => seen.push('interval'), 100);
    scope.idle(() => seen.push('idle'), 50);
    scope.observe(document.body, { childList: true }, () => seen.push('mutation'));
    scope.onStop(() => seen.push('last'));

    scope.stop();
    expect(scope.stopped).toBe(true);
    expect(seen).toEqual(['last', 'first']);
    window.dispatchEvent(new Event('resize'));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual(['last', 'first']);
    expect(listeners.active()).toEqual([]);
  });

  it('runs what it holds until then; a cancelled or fired timer is forgotten', async () => {
    const scope = createScope();
    const seen: string[] = [];
    const cancel = scope.timeout(() => seen.push('cancelled'), 10);
    scope.timeout(() => seen.push('timeout'), 10);
    scope.interval(() => seen.push('tick'), 10);
    cancel();
    await vi.advanceTimersByTimeAsync(25);
    expect(seen).toEqual(['timeout', 'tick', 'tick']);
    scope.stop();
    await vi.advanceTimersByTimeAsync(25);
    expect(seen).toEqual(['timeout', 'tick', 'tick']);
  });

  it('undoes at once what is added after stop, and stops once', () => {
    const scope = createScope();
    const undo = vi.fn();
    scope.onStop(undo);
    scope.stop();
    scope.stop();
    expect(undo).toHaveBeenCalledTimes(1);
    const late = vi.fn();
    scope.onStop(late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('asks for an idle callback with the timeout, when the browser has one', () => {
    const requestIdle = vi.fn((_run: () => void, _options?: { timeout: number }) => 7);
    const cancelIdle = vi.fn();
    vi.stubGlobal('requestIdleCallback', requestIdle);
    vi.stubGlobal('cancelIdleCallback', cancelIdle);
    try {
      const scope = createScope();
      const run = vi.fn();
      scope.idle(run, 50);
      expect(requestIdle).toHaveBeenCalledWith(expect.any(Function), { timeout: 50 });
      scope.stop();
      expect(cancelIdle).toHaveBeenCalledWith(7);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
