import { ensureAccounts, type BenchSection } from './context';
import { ACCOUNT_COUNTS } from './launch';
import { codesShown, OBSERVE_CODES, timeBlank, VISIBLE_ROWS } from './popup-render';
import { ms, ratio, summarize, timingCells } from './report';

/**
 * The popup as a user mostly opens it: Chrome stops an extension's idle service worker after
 * about 30 s, so the popup's first request also waits for the worker to start, read the
 * accounts from IndexedDB and open them. Each run stops every service worker (DevTools
 * protocol `ServiceWorker.stopAllWorkers`), then opens the popup; a blank page in the same loop.
 * Not a goal of issue 13's table (its figures are for a running worker): printed beside it.
 */
export const popupCold: BenchSection = {
  title: 'popup open after the worker stopped (as after ~30 s idle)',
  async run(ctx) {
    const { context } = ctx.browser;
    await context.addInitScript({ content: OBSERVE_CODES });
    const cdp = await context.newCDPSession(ctx.driver);
    await cdp.send('ServiceWorker.enable');
    const rows: string[][] = [];
    for (const count of ACCOUNT_COUNTS) {
      await ensureAccounts(ctx, count);
      const blank: number[] = [];
      const cold: number[] = [];
      for (let i = 0; i <= ctx.runs; i++) {
        const blankTime = await timeBlank(ctx);
        await cdp.send('ServiceWorker.stopAllWorkers');
        // Let the stop settle, so the popup's request is what starts the worker again.
        await new Promise((resolve) => setTimeout(resolve, 300));
        const page = await context.newPage();
        try {
          await page.goto(ctx.browser.url('popup.html'));
          const shown = await codesShown(page, VISIBLE_ROWS);
          if (i === 0) continue;
          blank.push(blankTime);
          cold.push(shown);
        } finally {
          await page.close();
        }
      }
      const b = summarize(blank);
      const c = summarize(cold);
      rows.push(
        [`blank extension page: load event (runs of ${count})`, ...timingCells(b), ''],
        [
          `popup, ${count} accounts, worker stopped: first ${VISIBLE_ROWS} codes`,
          ...timingCells(c),
          ratio(c.median / b.median),
        ],
      );
      ctx.goals.push({
        measure: `popup → visible codes, ${count} accounts, worker stopped first`,
        now: `${ms(c.median)} (${ratio(c.median / b.median)} blank)`,
        goal: '— (not in the issue; a running worker is)',
        met: true,
      });
    }
    await cdp.detach();
    return [
      {
        title: this.title,
        headers: ['measure (ms since navigation start)', 'median', 'min', 'max', 'runs', '÷ blank'],
        rows,
        notes: [
          'Each run: a blank page, then every service worker stopped (ServiceWorker.stopAllWorkers),',
          '  300 ms, then popup.html; the worker starts for its first request, with nothing in memory.',
        ],
      },
    ];
  },
};
