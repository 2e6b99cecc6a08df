/**
 * The version of one account in sync: a Lamport counter `v` (one more than any version this PC
 * had seen when it wrote), the writing PC's id `d`, and whether it is a delete. Versions only
 * grow, so a change made after seeing another always beats it.
 *
 * @see https://lamport.azurewebsites.net/pubs/time-clocks.pdf
 */
export interface Stamp {
  v: number;
  d: string;
  del?: true;
}

/**
 * Orders two stamps: the higher version wins; at the same version a delete wins over an edit
 * (the two were made without seeing each other, and keeping a deleted account is the surprise
 * that cannot be undone quietly); then the device id decides, so every PC picks the same one.
 * Returns < 0, 0 or > 0 like a sort comparator.
 */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.v !== b.v) return a.v - b.v;
  const del = (a.del ? 1 : 0) - (b.del ? 1 : 0);
  if (del !== 0) return del;
  return a.d < b.d ? -1 : a.d > b.d ? 1 : 0;
}

/** Whether two stamps are the same write. */
export const sameStamp = (a: Stamp, b: Stamp): boolean => compareStamps(a, b) === 0;

/** Reads a stamp from stored or synced data; `undefined` when malformed. */
export function parseStamp(value: unknown): Stamp | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { v, d, del } = value as Partial<Record<keyof Stamp, unknown>>;
  if (!Number.isSafeInteger(v) || (v as number) < 1) return undefined;
  if (typeof d !== 'string' || !/^[\w-]{1,40}$/.test(d)) return undefined;
  if (del !== undefined && del !== true) return undefined;
  return { v: v as number, d, ...(del ? { del: true as const } : {}) };
}
