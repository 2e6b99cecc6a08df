// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onPageChanges } from '../../../lib/content/page-changes';
import { createScope } from '../../../lib/content/scope';

describe('page changes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('scans once for a burst of mutations, after they are done', async () => {
    const scope = createScope();
    const scan = vi.fn();
    onPageChanges(scope, document, scan);
    const form = document.createElement('form');
    document.body.append(form);
    for (let i = 0; i < 50; i++) form.append(document.createElement('input'));
    expect(scan).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(50);
    expect(scan).toHaveBeenCalledTimes(1);
    form.remove();
    await vi.advanceTimersByTimeAsync(50);
    expect(scan).toHaveBeenCalledTimes(2);
    scope.stop();
  });

  it('skips changes that add no element: text, and our own hosts', async () => {
    const scope = createScope();
    const scan = vi.fn();
    document.body.append(document.createElement('p'));
    onPageChanges(scope, document, scan);
    document.querySelector('p')!.append('12 seconds left');
    const host = document.createElement('pc-authenticator-badge');
    document.documentElement.append(host);
    host.remove();
    await vi.advanceTimersByTimeAsync(100);
    expect(scan).not.toHaveBeenCalled();
    scope.stop();
  });

  it('scans nothing after stop, even a burst already waiting', async () => {
    const scope = createScope();
    const scan = vi.fn();
    onPageChanges(scope, document, scan);
    document.body.append(document.createElement('input'));
    await Promise.resolve();
    scope.stop();
    document.body.append(document.createElement('input'));
    await vi.advanceTimersByTimeAsync(100);
    expect(scan).not.toHaveBeenCalled();
  });
});
