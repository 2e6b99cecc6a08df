import AxeBuilder from '@axe-core/playwright';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  launchWithExtension,
  removeProfile,
  type ExtensionBrowser,
} from './support/browser';

const PASSWORD = 'welcome-test-password';
let dir: string;
let browser: ExtensionBrowser;
let welcome: Page;

/** The tab whose address ends with `path`, once the browser has opened it. */
async function tabAt(context: BrowserContext, path: string): Promise<Page> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const tab = context.pages().find((p) => p.url().endsWith(path));
    if (tab) return tab;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no tab opened ${path}`);
}

beforeAll(async () => {
  // A copy of the build of our own, so an "update" can bump its version below.
  dir = await mkdtemp(join(tmpdir(), 'pca-welcome-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  browser = await launchWithExtension({ extensionDir: dir, keepWelcome: true });
  welcome = await tabAt(browser.context, '/welcome.html');
});

afterAll(async () => {
  await browser?.close();
  if (browser) await removeProfile(browser.profileDir);
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('a fresh install opens the welcome tab, and axe finds nothing there', async () => {
  await welcome.getByTestId('password-new').waitFor();
  const { violations } = await new AxeBuilder({ page: welcome }).analyze();
  expect(violations.map((v) => `${v.id} (${v.impact})`)).toEqual([]);
  expect(await welcome.getByTestId('welcome-kit').isDisabled()).toBe(true);
  await expect(welcome.getByTestId('welcome-open-kosmo').getAttribute('href')).resolves.toBe(
    'https://densenkenpo.portal.kosmo-web.jp/',
  );
  await expect(welcome.getByTestId('welcome-pin').innerText()).resolves.toContain('pin');
});

it('the master password made there is the vault’s; then the kit opens from there', async () => {
  await welcome.getByTestId('password-new').fill(PASSWORD);
  await welcome.getByTestId('password-confirm').fill(PASSWORD);
  await welcome.getByTestId('password-create').click();
  await welcome.getByTestId('welcome-password-done').waitFor({ timeout: 10_000 });
  const { violations } = await new AxeBuilder({ page: welcome }).analyze();
  expect(violations.map((v) => `${v.id} (${v.impact})`)).toEqual([]);

  const popup = await browser.context.newPage();
  await popup.goto(browser.url('popup.html'));
  await popup.getByTestId('add-account').waitFor();
  await popup.getByTestId('lock').click();
  await popup.getByTestId('unlock-password').fill(PASSWORD);
  await popup.getByTestId('unlock-submit').click();
  await popup.getByTestId('add-account').waitFor({ timeout: 10_000 });
  await popup.close();

  await welcome.getByTestId('welcome-kit').click();
  const kit = await tabAt(browser.context, '/emergency-kit.html');
  await kit.close();
});

it('the manage page links the privacy policy shipped with the extension, Japanese first', async () => {
  const manage = await browser.context.newPage();
  await manage.goto(browser.url('manage.html'));
  await manage.getByTestId('privacy-policy').click();
  const policy = await tabAt(browser.context, '/privacy.html');
  await policy.waitForLoadState();
  const text = await policy.locator('body').innerText();
  expect(text.indexOf('プライバシーポリシー')).toBeLessThan(text.indexOf('privacy policy'));
  expect(text).toContain('Date');
  await Promise.all([policy.close(), manage.close()]);
});

it('an update opens nothing', async () => {
  // Closed first, so a restored session can't pass for a new one.
  await welcome.close();
  await browser.close();
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { version: string };
  await writeFile(manifestPath, JSON.stringify({ ...manifest, version: '99.0.0' }));
  browser = await launchWithExtension({
    extensionDir: dir,
    profileDir: browser.profileDir,
    keepWelcome: true,
  });
  const popup = await browser.context.newPage();
  await popup.goto(browser.url('popup.html'));
  await expect(
    popup.evaluate(
      () =>
        (
          globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }
        ).chrome.runtime.getManifest().version,
    ),
  ).resolves.toBe('99.0.0');
  await popup.waitForTimeout(2000);
  expect(browser.context.pages().filter((p) => p.url().endsWith('/welcome.html'))).toEqual([]);
});
