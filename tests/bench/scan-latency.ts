import type { Page } from 'playwright-core';
import {
  buildWithAllUrls,
  launchWithExtension,
  removeProfile,
  type ExtensionBrowser,
} from '../e2e/support/browser';
import { KosmoSite, replicaHook, startReplica } from '../e2e/support/kosmo-site';
import { PopupPage } from '../e2e/support/popup-page';
import { BENCH_PASSWORD, type BenchSection } from './context';
import { ms, summarize, timingCells } from './report';

const GOAL_MS = 250;
const VIEWPORT = { width: 1920, height: 1080 };

interface TabsApi {
  chrome: {
    tabs: {
      query(q: object): Promise<{ id: number; url?: string; windowId: number }[]>;
      update(id: number, props: object): Promise<unknown>;
      captureVisibleTab(windowId: number, options: object): Promise<string>;
    };
  };
}

/** The id of the tab showing `url` (as scan.test.ts's popupFor finds it). */
async function tabIdOf(page: Page, url: string): Promise<number> {
  const id = await page.evaluate(async (prefix) => {
    const { chrome } = globalThis as unknown as TabsApi;
    return (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/**
 * Clicks 「画面のQRコードを読み取る」 in the page and resolves, on the page's clock, when
 * `[data-testid=scan-result]` holds `user` (a MutationObserver: a microtask after React commits).
 */
async function timedScan(popup: Page, user: string): Promise<number> {
  return popup.evaluate(
    (user) =>
      new Promise<number>((resolve, reject) => {
        const button = document.querySelector<HTMLElement>('[data-testid="scan-screen"]');
        if (!button) {
          reject(new Error('no scan-screen button'));
          return;
        }
        const timer = setTimeout(() => reject(new Error('scan timed out')), 30_000);
        const start = performance.now();
        const observer = new MutationObserver(() => {
          const result = document.querySelector('[data-testid="scan-result"]');
          if (result?.textContent?.includes(user)) {
            const elapsed = performance.now() - start;
            observer.disconnect();
            clearTimeout(timer);
            resolve(elapsed);
          }
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
        button.click();
      }),
    user,
  );
}

/** One run: a fresh replica user on the QR setup page at 1920×1080, then the timed scan. */
async function oneRun(
  browser: ExtensionBrowser,
  serverUrl: string,
  user: string,
): Promise<{
  elapsed: number;
  innerWidth: number;
  captureWidth: number | undefined;
  captureMs: number | undefined;
}> {
  await replicaHook(serverUrl, '/__test/user', { user });
  const site = await KosmoSite.open(browser.context);
  const popup = await PopupPage.open(browser);
  try {
    await site.page.setViewportSize(VIEWPORT);
    await site.login(user);
    await site.page.locator('#kc-totp-secret-qr-code').waitFor();
    const innerWidth = await site.page.evaluate(() => window.innerWidth);
    const tabId = await tabIdOf(popup.page, site.page.url());
    await popup.page.goto(browser.url(`popup.html?tab=${tabId}`));
    await popup.byTestId('scan-screen').waitFor();
    const elapsed = await timedScan(popup.page, user);
    // What captureVisibleTab really gives for that tab now (the scan made it the active one),
    // and how long the browser takes for it alone: the part of a scan no code of ours can shorten.
    const capture = await popup.page.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as TabsApi;
      const tab = (await chrome.tabs.query({})).find((t) => t.id === id);
      if (!tab) return undefined;
      await chrome.tabs.update(id, { active: true });
      const start = performance.now();
      const url = await chrome.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
      const ms = performance.now() - start;
      const img = new Image();
      img.src = url;
      await img.decode();
      return { width: img.naturalWidth, ms };
    }, tabId);
    return { elapsed, innerWidth, captureWidth: capture?.width, captureMs: capture?.ms };
  } finally {
    await popup.page.close();
    await site.page.close();
  }
}

export const scanLatency: BenchSection = {
  title: 'scan: click → account stored on the KOSMO replica',
  async run(ctx) {
    const replica = await startReplica();
    const extensionDir = await buildWithAllUrls();
    const browser = await launchWithExtension({ extensionDir });
    const samples: number[] = [];
    const captures: number[] = [];
    const innerWidths = new Set<number>();
    const captureWidths = new Set<string>();
    try {
      await replica.attach(browser.context);
      const setup = await PopupPage.open(browser);
      await setup.createPassword(BENCH_PASSWORD);
      await setup.page.close();
      const stamp = Date.now().toString(36);
      for (let i = 0; i <= ctx.runs; i++) {
        const run = await oneRun(browser, replica.server.url, `bench-scan-${stamp}-${i}`);
        innerWidths.add(run.innerWidth);
        captureWidths.add(String(run.captureWidth ?? '?'));
        if (i === 0) continue; // a discarded warm-up
        samples.push(run.elapsed);
        if (run.captureMs !== undefined) captures.push(run.captureMs);
      }
    } finally {
      await browser.close();
      await replica.server.close();
      await removeProfile(browser.profileDir);
      await removeProfile(extensionDir);
    }
    const summary = summarize(samples);
    ctx.goals.push({
      measure: 'scan click → account stored',
      now: ms(summary.median),
      goal: `≤ ${GOAL_MS} ms`,
      met: summary.median <= GOAL_MS,
    });
    const captured = [...captureWidths].join('/');
    const notes = [
      `Goal: median ≤ ${GOAL_MS} ms (${summary.median <= GOAL_MS ? 'met' : 'NOT met'}). Popup at popup.html?tab=<site tab>; in-page clock from the`,
      'click on scan-screen until scan-result names the new user (capture, decode, store, render).',
      `Site page viewport ${VIEWPORT.width}×${VIEWPORT.height}: window.innerWidth ${[...innerWidths].join('/')}, captureVisibleTab width ${captured} px.`,
      'A copy of the build with <all_urls> and its own browser + vault: captureVisibleTab needs',
      'activeTab, which only a real toolbar click or shortcut grants — automation cannot.',
    ];
    if (captured !== String(VIEWPORT.width))
      notes.push(
        `NOTE: the capture is ${captured} px wide, not ${VIEWPORT.width}: the viewport size did not apply to it.`,
      );
    return [
      {
        title: this.title,
        headers: ['measure', 'median', 'min', 'max', 'runs'],
        rows: [
          ['scan-screen click → scan-result shows the account', ...timingCells(summary)],
          [
            'of which the browser: captureVisibleTab alone (same tab, after the scan)',
            ...timingCells(summarize(captures)),
          ],
        ],
        notes,
      },
    ];
  },
};
