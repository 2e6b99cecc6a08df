import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../e2e/support/browser';
import { sendFromPage } from '../e2e/support/messages';
import { PopupPage } from '../e2e/support/popup-page';
import type { Table } from './report';

/** Everything a section may use; the browser and the vault are shared by every section. */
export interface BenchContext {
  /** The copy of `.output/chrome-mv3` (with `blank.html`) the browser loads. */
  extensionDir: string;
  browser: ExtensionBrowser;
  /** An extension page (`blank.html`) kept open to send protocol requests from. */
  driver: Page;
  /** The vault's master password (the vault is created before the first section runs). */
  password: string;
  /** Measured runs per figure (after one discarded warm-up run). */
  runs: number;
  /** Rows of the closing "issue 13 goals" table: each section adds the figures it measured. */
  goals: GoalRow[];
}

/** One figure of the goals table: what, the median measured, the goal, and whether it is met. */
export interface GoalRow {
  measure: string;
  now: string;
  goal: string;
  met: boolean;
}

/** One part of the bench: one file under tests/bench/, run in order by run.ts. */
export interface BenchSection {
  title: string;
  run: (ctx: BenchContext) => Promise<Table[]>;
}

export const BENCH_PASSWORD = 'bench-Passw0rd-長い';

/** Creates the vault through the popup, as a user would, and leaves the driver page open. */
export async function createVault(browser: ExtensionBrowser, driverPath: string): Promise<Page> {
  const popup = await PopupPage.open(browser);
  await popup.createPassword(BENCH_PASSWORD);
  await popup.page.close();
  const driver = await browser.context.newPage();
  await driver.goto(browser.url(driverPath));
  return driver;
}

/** Adds accounts through the protocol until the vault holds `count` of them. */
export async function ensureAccounts(ctx: BenchContext, count: number): Promise<void> {
  const list = await sendFromPage(ctx.driver, 'accounts.list', undefined);
  if (!list.ok) throw new Error(`accounts.list: ${list.error.key}`);
  for (let i = list.value.accounts.length; i < count; i++) {
    const uri = `otpauth://totp/Issuer%20${i}:user-${i}?secret=${randomBase32(32)}&issuer=Issuer%20${i}`;
    const added = await sendFromPage(ctx.driver, 'accounts.add', { uri });
    if (!added.ok) throw new Error(`accounts.add #${i}: ${added.error.key}`);
  }
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function randomBase32(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => BASE32[b % 32]).join('');
}
