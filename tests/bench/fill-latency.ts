import type { Page } from 'playwright-core';
import { launchWithExtension, removeProfile } from '../e2e/support/browser';
import { KOSMO_ORIGIN, KosmoSite, replicaHook, startReplica } from '../e2e/support/kosmo-site';
import { sendFromPage } from '../e2e/support/messages';
import { awayFromStepEdge, oathtoolTotp } from '../e2e/support/oathtool';
import { PopupPage } from '../e2e/support/popup-page';
import { BENCH_PASSWORD, type BenchSection } from './context';
import { ms, summarize, timingCells, type Summary } from './report';

const GOAL_MS = 100;
/** At least this many measured loads per page, whatever BENCH_RUNS says (the goal's wording). */
const MIN_LOADS = 10;
/** The late-OTP page inserts the form by script after this many ms. */
const LATE_DELAY_MS = 300;
/** The content script waits for the next code when this many seconds or fewer are left. */
const AUTOFILL_MIN_SECONDS = 3;
/** Seconds left in the step that each load waits for before it starts (awayFromStepEdge). */
const EDGE_MARGIN_S = 6;

/**
 * How "field present → value filled" is timed, in the page, on the page's clock: a
 * MutationObserver injected with `context.addInitScript` (so it runs at document start, before
 * the page's own scripts; the content script looks once the HTML is parsed) records
 * `performance.now()` the first time `#otp` is in the document, and again the first time its
 * value is 6 digits — seen by an `input` listener on document in the capture phase (the content
 * script fills through the native setter and fires `input`), with requestAnimationFrame polling of
 * the value as a fallback in case a fill ever comes without the event. The test process only reads
 * the recorded values afterwards, so the round trip to the browser is not in the figure.
 * Kept as a string, not a function, so tsx's name helpers never end up in the page.
 */
const OBSERVE_FILL = `(() => {
  if (!location.hostname.endsWith('.kosmo-web.jp')) return;
  const times = { present: null, presentEpoch: null, presentState: '', filled: null,
    filledEpoch: null, value: '', via: '' };
  window.__benchFill = times;
  let field = null;
  const checkValue = (via) => {
    if (!field || times.filled !== null) return;
    if (/^\\d{6}$/.test(field.value)) {
      times.filled = performance.now();
      times.filledEpoch = Date.now();
      times.value = field.value;
      times.via = via;
    }
  };
  const poll = () => {
    checkValue('raf');
    if (times.filled === null) requestAnimationFrame(poll);
  };
  const findField = () => {
    if (field) return;
    const el = document.getElementById('otp');
    if (!el) return;
    field = el;
    times.present = performance.now();
    times.presentEpoch = Date.now();
    times.presentState = document.readyState;
    checkValue('present');
    requestAnimationFrame(poll);
  };
  const observer = new MutationObserver(() => {
    findField();
    if (field) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('input', (event) => {
    if (event.target && event.target.id === 'otp') {
      findField();
      checkValue('input');
    }
  }, true);
})();`;

interface FillTimes {
  present: number;
  presentEpoch: number;
  presentState: string;
  filled: number;
  filledEpoch: number;
  value: string;
  via: string;
  /** PerformanceNavigationTiming.domContentLoadedEventStart of the OTP page. */
  domContentLoaded: number;
}

/** Waits (on the page) until the observer saw the fill, then reads what it recorded. */
async function readFill(page: Page): Promise<FillTimes> {
  // Polls only to read what the observer recorded; the polling rate does not change the figure.
  await page.waitForFunction(
    () =>
      ((window as unknown as { __benchFill?: { filled: number | null } }).__benchFill?.filled ??
        null) !== null,
    undefined,
    { polling: 50, timeout: 15_000 },
  );
  return page.evaluate(() => {
    const times = (window as unknown as { __benchFill: Omit<FillTimes, 'domContentLoaded'> })
      .__benchFill;
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return { ...times, domContentLoaded: nav ? nav.domContentLoadedEventStart : Number.NaN };
  });
}

/** Seconds left in the 30 s step at `epochMs`, as the background computes them. */
const secondsLeftAt = (epochMs: number): number => 30 - (Math.floor(epochMs / 1000) % 30);

interface Series {
  present: number[];
  dclToFilled: number[];
  states: Set<string>;
  vias: Set<string>;
  excluded: number;
}

const newSeries = (): Series => ({
  present: [],
  dclToFilled: [],
  states: new Set(),
  vias: new Set(),
  excluded: 0,
});

/**
 * Checks the filled code against oathtool and adds the run to `series`; false when the field
 * showed so near a step edge that the content script waited for the next code on purpose.
 */
function record(series: Series, times: FillTimes, key: string, measured: boolean): boolean {
  if (secondsLeftAt(times.presentEpoch) <= AUTOFILL_MIN_SECONDS + 1) {
    if (measured) series.excluded++;
    return false;
  }
  const expected = oathtoolTotp(key, times.filledEpoch);
  if (times.value !== expected)
    throw new Error(`filled ${times.value}, oathtool says ${expected} for this step`);
  if (!measured) return true;
  series.present.push(times.filled - times.present);
  series.dclToFilled.push(times.filled - times.domContentLoaded);
  series.states.add(times.presentState);
  series.vias.add(times.via);
  return true;
}

/**
 * One discarded warm-up load, then loads until `loads` were measured (an excluded load is
 * replaced; at most `loads` replacements). Each load starts ≥ EDGE_MARGIN_S before a step edge.
 */
async function measure(
  series: Series,
  loads: number,
  key: string,
  loadOnce: () => Promise<{ page: Page }>,
): Promise<void> {
  let warmedUp = false;
  for (let attempt = 0; series.present.length < loads && attempt <= 2 * loads; attempt++) {
    await awayFromStepEdge(EDGE_MARGIN_S);
    const { page } = await loadOnce();
    try {
      const times = await readFill(page);
      if (record(series, times, key, warmedUp)) warmedUp = true;
    } finally {
      await page.close();
    }
  }
  if (series.present.length < loads)
    throw new Error(`only ${series.present.length} of ${loads} loads could be measured`);
}

const verdict = (s: Summary): string => (s.median <= GOAL_MS ? 'met' : 'not met');

export const fillLatency: BenchSection = {
  title: 'auto-fill: OTP field present → code filled on the KOSMO replica',
  async run(ctx) {
    const loads = Math.max(ctx.runs, MIN_LOADS);
    const replica = await startReplica();
    const browser = await launchWithExtension();
    const late = newSeries();
    const login = newSeries();
    try {
      await replica.attach(browser.context);
      await browser.context.addInitScript({ content: OBSERVE_FILL });
      const popup = await PopupPage.open(browser);
      await popup.createPassword(BENCH_PASSWORD);
      // user2's seeded device, bound to the KOSMO origin (as autofill.test.ts sets it up).
      const state = await replicaHook<{
        users: { username: string; devices: { secret: string }[] }[];
      }>(replica.server.url, '/__test/state');
      const key = state.users.find((u) => u.username === 'user2')!.devices[0]!.secret;
      const added = await sendFromPage(popup.page, 'accounts.add', {
        uri: `otpauth://totp/KOSMO:user2?secret=${key}&issuer=KOSMO`,
      });
      if (!added.ok) throw new Error(`accounts.add: ${added.error.key}`);
      const bound = await sendFromPage(popup.page, 'accounts.bind', {
        id: added.value.id,
        origin: KOSMO_ORIGIN,
        bound: true,
      });
      if (!bound.ok) throw new Error(`accounts.bind: ${bound.error.key}`);

      // Page 1: the form is inserted by script LATE_DELAY_MS after the page loaded.
      await measure(late, loads, key, async () => {
        const page = await browser.context.newPage();
        await page.goto(`${KOSMO_ORIGIN}/__test/late-otp?delay=${LATE_DELAY_MS}`);
        return { page };
      });
      // Page 2: the real flow — login page, user2 signs in, the OTP page has #otp in its HTML.
      await measure(login, loads, key, async () => {
        const site = await KosmoSite.open(browser.context);
        await site.login('user2');
        return { page: site.page };
      });
    } finally {
      await browser.close();
      await replica.server.close();
      await removeProfile(browser.profileDir);
    }
    const lateSummary = summarize(late.present);
    const loginSummary = summarize(login.present);
    const dclSummary = summarize(login.dclToFilled);
    ctx.goals.push({
      measure: 'OTP field present → filled (login flow)',
      now: ms(loginSummary.median),
      goal: `≤ ${GOAL_MS} ms`,
      met: loginSummary.median <= GOAL_MS,
    });
    const list = (set: Set<string>) => [...set].sort().join('/');
    return [
      {
        title: this.title,
        headers: [
          'measure (in-page clock)',
          'median',
          'min',
          'max',
          'runs',
          `goal ≤ ${GOAL_MS} ms`,
        ],
        rows: [
          [
            `late-otp?delay=${LATE_DELAY_MS}: #otp inserted → 6 digits`,
            ...timingCells(lateSummary),
            verdict(lateSummary),
          ],
          [
            'login flow (user2): #otp parsed → 6 digits',
            ...timingCells(loginSummary),
            verdict(loginSummary),
          ],
          ['login flow (user2): DOMContentLoaded → 6 digits', ...timingCells(dclSummary), ''],
        ],
        notes: [
          'One page load per run (plus 1 discarded warm-up per page), production build, its own browser + vault;',
          'user2 is bound to the KOSMO origin, automatic fill on (default). Times from an init-script',
          'MutationObserver (#otp in the DOM) and an input listener + rAF poll (value is 6 digits).',
          `#otp was found with readyState ${list(login.states)} on the login flow, ${list(late.states)} on late-otp;`,
          `fill seen via ${list(new Set([...late.vias, ...login.vias]))}. Every filled code was checked against oathtool.`,
          `NOTE: auto-fill deliberately waits for the next code when ≤ ${AUTOFILL_MIN_SECONDS} s are left, so each load`,
          `starts with ≥ ${EDGE_MARGIN_S} s left in the step (awayFromStepEdge(${EDGE_MARGIN_S})); loads whose field appeared`,
          `with ≤ ${AUTOFILL_MIN_SECONDS + 1} s left are excluded and replaced: ${late.excluded} (late-otp), ${login.excluded} (login flow).`,
        ],
      },
    ];
  },
};
