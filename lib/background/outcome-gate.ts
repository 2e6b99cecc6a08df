/**
 * Holds a tab's code request until the worker has heard what the tab's new page says about the
 * submit before it (`page.outcome`): a refusal gives the used step back, an acceptance confirms a
 * pending account, and either changes which code is right. The content script sends both at once
 * (one round trip instead of two while the page loads); the worker keeps them in order here.
 */
export class OutcomeGate {
  readonly #waiting = new Map<number, { heard: Promise<void>; release: () => void }>();

  /**
   * Settles once `tab`'s outcome is heard ({@link heard}), or after `timeoutMs`: a page that never
   * reports must not hold its codes back for long.
   */
  wait(tab: number, timeoutMs: number): Promise<void> {
    let entry = this.#waiting.get(tab);
    if (!entry) {
      let release = () => {};
      const heard = new Promise<void>((resolve) => (release = resolve));
      entry = { heard, release };
      this.#waiting.set(tab, entry);
    }
    const mine = entry;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        // Never heard: forgotten, so the tab's next page starts afresh.
        if (this.#waiting.get(tab) === mine) this.#waiting.delete(tab);
        resolve();
      }, timeoutMs);
    });
    return Promise.race([mine.heard, late]).finally(() => clearTimeout(timer));
  }

  /** `tab`'s outcome is heard: its waiting requests go on. */
  heard(tab: number): void {
    this.#waiting.get(tab)?.release();
    this.#waiting.delete(tab);
  }
}
