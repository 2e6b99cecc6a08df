import type { Page } from 'playwright-core';
import { sendFromPage } from '../e2e/support/messages';
import type { BenchSection } from './context';
import { ms, summarize, timingCells } from './report';

/**
 * Times one `vault.unlock` round trip inside the page (performance.now() around
 * chrome.runtime.sendMessage). Same wire format as tests/e2e/support/messages.ts (which does not
 * time), so the figure excludes the hop between this process and the browser.
 */
export async function timedUnlock(page: Page, password: string): Promise<number> {
  const { elapsed, reply } = await page.evaluate(async (pw) => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    };
    const start = performance.now();
    const reply = await chrome.runtime.sendMessage({
      id: 1,
      type: 'vault.unlock',
      data: { password: pw },
      timestamp: Date.now(),
    });
    return { elapsed: performance.now() - start, reply };
  }, password);
  const result = (reply as { res?: { ok: boolean } } | undefined)?.res;
  if (!result?.ok) throw new Error(`vault.unlock failed: ${JSON.stringify(reply)}`);
  return elapsed;
}

export const unlock: BenchSection = {
  title: 'unlock (Argon2id 64 MiB, t=3, in the service worker)',
  async run(ctx) {
    const samples: number[] = [];
    for (let i = 0; i <= ctx.runs; i++) {
      const locked = await sendFromPage(ctx.driver, 'vault.lock', undefined);
      if (!locked.ok) throw new Error(`vault.lock: ${locked.error.key}`);
      const elapsed = await timedUnlock(ctx.driver, ctx.password);
      if (i > 0) samples.push(elapsed); // the first is a discarded warm-up
    }
    const summary = summarize(samples);
    ctx.goals.push({
      measure: 'unlock (Argon2id 64 MiB, t=3)',
      now: ms(summary.median),
      goal: '≤ 600 ms',
      met: summary.median <= 600,
    });
    return [
      {
        title: this.title,
        headers: ['measure', 'median', 'min', 'max', 'runs'],
        rows: [['vault.unlock round trip from an extension page', ...timingCells(summary)]],
        notes: [
          'Lock via vault.lock, then time vault.unlock with the right password (in-page clock).',
        ],
      },
    ];
  },
};
