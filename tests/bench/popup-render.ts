import type { Page } from 'playwright-core';
import { sendFromPage } from '../e2e/support/messages';
import { ensureAccounts, type BenchContext, type BenchSection } from './context';
import { ACCOUNT_COUNTS, BLANK_PAGE } from './launch';
import { ms, ratio, summarize, timingCells, type Summary } from './report';
import { REQUEST_FLOOR_PAGE, staticCodesPage } from './static-codes';
import { timedUnlock } from './unlock';

const GOAL_RATIO = 1.5;

/**
 * How "every visible code rendered" is timed: a MutationObserver, injected with
 * `context.addInitScript` so it runs at document start in every page before the popup's own
 * script, records `performance.now()` (ms since navigation start) the first time the popup holds
 * n `[data-testid=account-code]` elements with digits, for each n. The figure for N accounts is
 * the first time at least N codes were on the page. An observer callback is a microtask right
 * after the DOM change, so the time is taken when React commits — not rounded up to the next
 * animation frame (as `waitForFunction` with `polling: 'raf'` would be) and independent of the
 * round trip between the test process and the page, which only reads the recorded value later.
 * Kept as a string, not a function, so tsx's name helpers never end up in the page.
 */
export const OBSERVE_CODES = `(() => {
  if (location.pathname !== '/popup.html' && !location.pathname.startsWith('/static-codes-')) return;
  const seen = {};
  window.__benchCodes = seen;
  const check = () => {
    let n = 0;
    for (const el of document.querySelectorAll('[data-testid="account-code"]')) {
      if (/^\\d[\\d\\s]*$/.test((el.textContent || '').trim())) n++;
    }
    if (n > 0 && !(n in seen)) seen[n] = performance.now();
    // The app's own rows (they have a delete button; the first paint's picture has none).
    if (!seen.app && document.querySelector('[data-testid="account-delete"]')) seen.app = performance.now();
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
  });
})();`;

interface Times {
  /** ms from navigation start until `count` codes showed. */
  codes: number;
  /** ms from navigation start to the load event. */
  load: number;
}

async function loadEventStart(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return nav ? nav.loadEventStart : Number.NaN;
  });
}

export async function timeBlank(ctx: BenchContext): Promise<number> {
  const page = await ctx.browser.context.newPage();
  try {
    await page.goto(ctx.browser.url(BLANK_PAGE));
    return await loadEventStart(page);
  } finally {
    await page.close();
  }
}

/** The first time (ms since navigation start) at least `count` codes were on the page. */
export async function codesShown(page: Page, count: number): Promise<number> {
  // Polls only to read what the observer recorded; the polling rate does not change the figure.
  const handle = await page.waitForFunction(
    (n) => {
      const seen = (window as unknown as { __benchCodes?: Record<string, number> }).__benchCodes;
      if (!seen) return false;
      const hits = Object.keys(seen)
        .map(Number)
        .filter((k) => k >= n)
        .map((k) => seen[k]!);
      return hits.length > 0 ? Math.min(...hits) : false;
    },
    count,
    { polling: 50, timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** When the app's own rows replaced the first paint's picture (ms since navigation start). */
async function appTookOver(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { __benchCodes?: { app?: number } }).__benchCodes?.app ?? false,
    undefined,
    { polling: 50, timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** ms from navigation start until request-floor.html's one request was answered. */
async function timeRequestFloor(ctx: BenchContext): Promise<number> {
  const page = await ctx.browser.context.newPage();
  try {
    await page.goto(ctx.browser.url(REQUEST_FLOOR_PAGE));
    const handle = await page.waitForFunction(
      () => (window as unknown as { __answeredAt?: number }).__answeredAt ?? false,
      undefined,
      { polling: 50, timeout: 30_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

/** Opens `path` (the popup or a static-codes page) and times its codes and load event. */
async function timePage(ctx: BenchContext, path: string, count: number): Promise<Times> {
  const page = await ctx.browser.context.newPage();
  try {
    await page.goto(ctx.browser.url(path));
    const codes = await codesShown(page, count);
    return { codes, load: await loadEventStart(page) };
  } finally {
    await page.close();
  }
}

export const popupRender: BenchSection = {
  title: 'popup open → every visible code rendered',
  async run(ctx) {
    await ctx.browser.context.addInitScript({ content: OBSERVE_CODES });
    const rows: string[][] = [];
    for (const count of ACCOUNT_COUNTS) {
      await ensureAccounts(ctx, count);
      const blank: number[] = [];
      const fixed: number[] = [];
      const floor: number[] = [];
      const codes: number[] = [];
      const visible: number[] = [];
      const load: number[] = [];
      const app: number[] = [];
      const popup = async () => {
        const page = await ctx.browser.context.newPage();
        try {
          await page.goto(ctx.browser.url('popup.html'));
          const all = await codesShown(page, count);
          return {
            all,
            first: await codesShown(page, VISIBLE_ROWS),
            load: await loadEventStart(page),
            app: await appTookOver(page),
          };
        } finally {
          await page.close();
        }
      };
      // One discarded warm-up of each, then all three interleaved so drift hits them alike.
      await timeBlank(ctx);
      await timePage(ctx, staticCodesPage(count), count);
      await timeRequestFloor(ctx);
      await popup();
      for (let i = 0; i < ctx.runs; i++) {
        blank.push(await timeBlank(ctx));
        fixed.push((await timePage(ctx, staticCodesPage(count), count)).codes);
        floor.push(await timeRequestFloor(ctx));
        const times = await popup();
        codes.push(times.all);
        visible.push(times.first);
        load.push(times.load);
        app.push(times.app);
      }
      const b = summarize(blank);
      const f = summarize(fixed);
      const q = summarize(floor);
      const c = summarize(codes);
      const v = summarize(visible);
      rows.push(
        [`blank extension page: load event (runs of ${count})`, ...timingCells(b), '', ''],
        [
          `static page, ${count} codes in its HTML: all shown`,
          ...timingCells(f),
          ratio(f.median / b.median),
          '',
        ],
        [
          'page with one script asking the worker: answered',
          ...timingCells(q),
          ratio(q.median / b.median),
          '',
        ],
        [`popup, ${count} accounts: load event`, ...timingCells(summarize(load)), '', ''],
        [
          `popup, ${count} accounts: the app took over (rows work)`,
          ...timingCells(summarize(app)),
          '',
          '',
        ],
        [
          `popup, ${count} accounts: first ${VISIBLE_ROWS} codes (one screenful)`,
          ...timingCells(v),
          ratio(v.median / b.median),
          verdict(v, b),
        ],
        [
          `popup, ${count} accounts: all ${count} codes rendered`,
          ...timingCells(c),
          ratio(c.median / b.median),
          verdict(c, b),
        ],
      );
      ctx.goals.push(
        {
          measure: `blank extension page (runs of ${count})`,
          now: ms(b.median),
          goal: '—',
          met: true,
        },
        {
          measure: `static page with ${count} codes`,
          now: `${ms(f.median)} (${ratio(f.median / b.median)})`,
          goal: '— (the floor)',
          met: true,
        },
        {
          measure: 'page with one script asking the worker',
          now: `${ms(q.median)} (${ratio(q.median / b.median)})`,
          goal: '— (the floor of any popup that asks)',
          met: true,
        },
        {
          measure: `popup → visible codes, ${count} accounts`,
          now: `${ms(v.median)} (${ratio(v.median / b.median)} blank)`,
          goal: `≤ ${GOAL_RATIO}× blank`,
          met: v.median / b.median <= GOAL_RATIO,
        },
        {
          measure: `popup → all ${count} codes`,
          now: `${ms(c.median)} (${ratio(c.median / b.median)} blank)`,
          goal: count > VISIBLE_ROWS ? 'may follow' : `≤ ${GOAL_RATIO}× blank`,
          met: count > VISIBLE_ROWS || c.median / b.median <= GOAL_RATIO,
        },
      );
    }
    rows.push(...(await lockedRows(ctx, ACCOUNT_COUNTS[0]!)));
    return [
      {
        title: this.title,
        headers: [
          'measure (ms since navigation start)',
          'median',
          'min',
          'max',
          'runs',
          '÷ blank',
          `goal ≤ ${GOAL_RATIO}×`,
        ],
        rows,
        notes: [
          'Each run opens popup.html (or blank.html) in a new tab of the same extension copy.',
          '"codes rendered" = first time N [data-testid=account-code] hold digits (MutationObserver):',
          '  the popup\'s first paint draws them with plain DOM; "the app took over" = its own rows are in.',
          '"÷ blank" = popup median ÷ blank-page median measured in the same loop.',
          '"page with one script asking the worker" = a classic script in <head> sends vault.status; the',
          '  time its answer arrives is the floor of any popup that asks the worker for its codes.',
          `"first ${VISIBLE_ROWS}" = one screenful; "locked: Enter" = from the unlock form's submit to ${VISIBLE_ROWS} codes (goal: unlock + ${GOAL_RATIO}× blank).`,
        ],
      },
    ];
  },
};

/** About one screenful of rows in the 600 px popup. */
export const VISIBLE_ROWS = 8;

/**
 * Locked popup: the master password typed, Enter (the form's requestSubmit, on the page's clock)
 * → the first screenful of codes. Interleaved with a bare vault.unlock round trip and a blank page,
 * since the goal is "unlock + 1.5× blank".
 */
async function lockedRows(ctx: BenchContext, count: number): Promise<string[][]> {
  const enter: number[] = [];
  const unlocks: number[] = [];
  const blank: number[] = [];
  for (let i = 0; i <= ctx.runs; i++) {
    const locked = await sendFromPage(ctx.driver, 'vault.lock', undefined);
    if (!locked.ok) throw new Error(`vault.lock: ${locked.error.key}`);
    const unlock = await timedUnlock(ctx.driver, ctx.password);
    const blankTime = await timeBlank(ctx);
    await sendFromPage(ctx.driver, 'vault.lock', undefined);
    const page = await ctx.browser.context.newPage();
    try {
      await page.goto(ctx.browser.url('popup.html'));
      await page.getByTestId('unlock-password').fill(ctx.password);
      const elapsed = await page.evaluate(
        (n) =>
          new Promise<number>((resolve, reject) => {
            const input = document.querySelector<HTMLInputElement>(
              '[data-testid="unlock-password"]',
            );
            const form = input?.form;
            if (!form) return reject(new Error('no unlock form'));
            const timer = setTimeout(() => reject(new Error('no codes after unlock')), 30_000);
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelectorAll('[data-testid="account-code"]').length < n) return;
              observer.disconnect();
              clearTimeout(timer);
              resolve(performance.now() - start);
            });
            observer.observe(document, { childList: true, subtree: true, characterData: true });
            form.requestSubmit();
          }),
        Math.min(count, VISIBLE_ROWS),
      );
      if (i > 0) {
        enter.push(elapsed);
        unlocks.push(unlock);
        blank.push(blankTime);
      }
    } finally {
      await page.close();
    }
  }
  const e = summarize(enter);
  const u = summarize(unlocks);
  const b = summarize(blank);
  const goal = u.median + GOAL_RATIO * b.median;
  ctx.goals.push(
    {
      measure: `locked: Enter → codes (${count} accounts)`,
      now: ms(e.median),
      goal: `≤ unlock + ${GOAL_RATIO}× blank = ${ms(goal)}`,
      met: e.median <= goal,
    },
    {
      measure: 'unlock (vault.unlock round trip, same loop)',
      now: ms(u.median),
      goal: '≤ 600 ms',
      met: u.median <= 600,
    },
  );
  return [
    [`locked, ${count} accounts: vault.unlock round trip`, ...timingCells(u), '', ''],
    [
      `locked, ${count} accounts: Enter → first codes`,
      ...timingCells(e),
      `${ms(e.median - u.median)} over unlock`,
      e.median <= goal ? 'met' : 'not met',
    ],
  ];
}

function verdict(popup: Summary, blank: Summary): string {
  return popup.median / blank.median <= GOAL_RATIO ? 'met' : 'not met';
}
