import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { memoItem } from '../../../lib/background/memo-item';
import { usedStepsItem, type UsedStep } from '../../../lib/storage';

const A: Record<string, UsedStep> = { acc: { step: 1, at: 10 } };
const B: Record<string, UsedStep> = { acc: { step: 2, at: 20 } };
const C: Record<string, UsedStep> = { acc: { step: 3, at: 30 } };

/** Lets the storage change event of a write reach its listeners. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a stored value held in the worker’s memory', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('reads storage once, then answers from memory', async () => {
    await usedStepsItem.setValue(A);
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    const held = memoItem(usedStepsItem);
    expect(await held.getValue()).toEqual(A);
    expect(await held.getValue()).toEqual(A);
    expect(await held.getValue()).toEqual(A);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('forgets its copy when the value changes elsewhere, and reads the new one', async () => {
    await usedStepsItem.setValue(A);
    const held = memoItem(usedStepsItem);
    expect(await held.getValue()).toEqual(A);
    await usedStepsItem.setValue(B);
    await settle();
    expect(await held.getValue()).toEqual(B);
    await usedStepsItem.removeValue();
    await settle();
    expect(await held.getValue()).toEqual({});
  });

  it('its own writes are read back at once and reach storage', async () => {
    const held = memoItem(usedStepsItem);
    expect(await held.getValue()).toEqual({});
    const writing = held.setValue(C);
    // Before the write has finished: a read in the same turn already sees it.
    expect(await held.getValue()).toEqual(C);
    await writing;
    await settle();
    expect(await usedStepsItem.getValue()).toEqual(C);
    expect(await held.getValue()).toEqual(C);
  });

  it('keeps its copy through the change event of its own write, not through a later one', async () => {
    const held = memoItem(usedStepsItem);
    await held.setValue(A);
    await settle();
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await held.getValue()).toEqual(A);
    expect(reads).not.toHaveBeenCalled();
    // Another page writes something else: the copy is dropped, and storage read again.
    await usedStepsItem.setValue(B);
    await settle();
    expect(await held.getValue()).toEqual(B);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('keeps neither a read nor a write that failed', async () => {
    await usedStepsItem.setValue(A);
    const held = memoItem(usedStepsItem);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    get.mockRejectedValueOnce(new Error('storage busy'));
    await expect(held.getValue()).rejects.toThrow('storage busy');
    expect(await held.getValue()).toEqual(A);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('quota'));
    await expect(held.setValue(B)).rejects.toThrow('quota');
    // The failed value is not served: storage still holds A.
    expect(await held.getValue()).toEqual(A);
  });
});
