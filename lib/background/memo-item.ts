import { Held } from './held-snapshot';

/** A stored value as the worker reads and writes it (the shape of lib/storage.ts's items). */
export interface HeldValue<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/** What {@link memoItem} needs of a stored item: reads, writes and change events. */
interface WatchedItem<T> extends HeldValue<T> {
  /** Calls back with the new value after every change (also one made elsewhere). */
  watch(onChange: (value: T) => void): () => void;
}

/**
 * `item`, read from storage once and then answered from memory: each `chrome.storage` read is a
 * round trip through the browser process, which is busy while a page loads — just when a login
 * page asks for its code. Writes go through to storage and into memory at once; any other change
 * (made elsewhere, a removal, or not the last value written here) drops the copy, and the next
 * read asks storage again. A read that fails is not kept. The copy lives as long as the worker.
 */
export function memoItem<T>(item: WatchedItem<T>): HeldValue<T> {
  const held = new Held(() => item.getValue());
  // The last value written here, as JSON: its own change event leaves the copy alone.
  let written: string | undefined;
  item.watch((value) => {
    if (written === undefined || JSON.stringify(value) !== written) held.drop();
  });
  return {
    getValue: () => held.get(),
    async setValue(value) {
      held.set(value);
      written = JSON.stringify(value);
      try {
        await item.setValue(value);
      } catch (error) {
        held.drop();
        written = undefined;
        throw error;
      }
    },
  };
}
