/**
 * One value derived from the account records, kept with the key and the write count
 * (`accountWrites`) it was made under, and handed out again while both are unchanged: reading
 * and opening every record again would give the same answer.
 */
export class WhileUnwritten<T> {
  #last: { key: CryptoKey; writes: number; value: T } | undefined;

  /** The kept value when `key` and `writes` match; otherwise `make()`, kept for next time. */
  async get(key: CryptoKey, writes: number, make: () => Promise<T>): Promise<T> {
    const last = this.#last;
    if (last && last.key === key && last.writes === writes) return last.value;
    const value = await make();
    this.#last = { key, writes, value };
    return value;
  }

  /** Forgets the value (the vault was locked). */
  clear(): void {
    this.#last = undefined;
  }
}
