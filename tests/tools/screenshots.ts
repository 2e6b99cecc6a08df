/**
 * Screenshots of the popup in Japanese, light and dark: `npm run screenshots` (or
 * `npx tsx tests/tools/screenshots.ts` after `npx wxt build`). Writes docs/popup-{light,dark}-
 * {setup,0,3,30,locked}.png. The popup is opened as a tab at popup width; the clock in the page
 * is fixed, so the codes and countdowns are the same on every run. Then screenshots-pages.ts
 * adds the in-page UI on the KOSMO replica, the manage page and the popup for a KOSMO tab, and
 * screenshots-submits.ts what happens around a submitted code (pending, waiting, refusals).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from '../e2e/support/browser';
import { sendFromPage } from '../e2e/support/messages';
import { PopupPage } from '../e2e/support/popup-page';
import {
  DEMO_ACCOUNTS,
  DOCS,
  FIXED_TIME,
  PASSWORD,
  POPUP_VIEWPORT,
  SCHEMES,
  demoUri,
  type Scheme,
} from './screenshot-accounts';
import { shootFirstUse } from './screenshots-first-use';
import { shootPages } from './screenshots-pages';
import { shootSubmits } from './screenshots-submits';

async function shoot(page: Page, scheme: Scheme, name: string): Promise<string> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const path = join(DOCS, `popup-${scheme}-${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

async function addAccounts(page: Page, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    const added = await sendFromPage(page, 'accounts.add', { uri: demoUri(DEMO_ACCOUNTS[i]!, i) });
    if (!added.ok) throw new Error(`accounts.add ${DEMO_ACCOUNTS[i]!.issuer}: ${added.error.key}`);
  }
}

/** Reloads the popup (as reopening it would) and waits for `count` rows. */
async function reopen(popup: PopupPage, count: number): Promise<void> {
  await popup.page.reload();
  await popup
    .accounts()
    .nth(count - 1)
    .getByTestId('account-code')
    .waitFor();
}

async function shootScheme(scheme: Scheme): Promise<string[]> {
  const browser: ExtensionBrowser = await launchWithExtension({ lang: 'ja', colorScheme: scheme });
  const written: string[] = [];
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize(POPUP_VIEWPORT);
    await page.clock.setFixedTime(FIXED_TIME);
    await page.goto(browser.url('popup.html'));
    const popup = new PopupPage(page);

    await popup.byTestId('password-new').waitFor();
    written.push(await shoot(page, scheme, 'setup'));

    await popup.createPassword(PASSWORD);
    written.push(await shoot(page, scheme, '0'));

    await addAccounts(page, 0, 3);
    await reopen(popup, 3);
    written.push(await shoot(page, scheme, '3'));

    await addAccounts(page, 3, 30);
    await reopen(popup, 30);
    await popup.byTestId('search').waitFor();
    written.push(await shoot(page, scheme, '30'));

    await popup.byTestId('lock').click();
    await popup.byTestId('unlock-password').waitFor();
    written.push(await shoot(page, scheme, 'locked'));
  } finally {
    await browser.close();
    await removeProfile(browser.profileDir);
  }
  return written;
}

async function main(): Promise<void> {
  await mkdir(DOCS, { recursive: true });
  for (const scheme of SCHEMES) {
    for (const path of await shootScheme(scheme)) console.log(`wrote ${path}`);
  }
  for (const path of await shootPages(SCHEMES)) console.log(`wrote ${path}`);
  for (const path of await shootSubmits()) console.log(`wrote ${path}`);
  for (const path of await shootFirstUse()) console.log(`wrote ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
