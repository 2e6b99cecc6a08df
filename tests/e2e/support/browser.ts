import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** `chrome-extension://<id>/<path>` */
  url: (path: string) => string;
  /** Closes the browser, keeping the profile (a "browser restart" reopens it). */
  close: () => Promise<void>;
}

export interface LaunchOptions {
  profileDir?: string;
  /** Defaults to the production build in `.output/chrome-mv3`. */
  extensionDir?: string;
  lang?: 'en' | 'ja';
  colorScheme?: 'light' | 'dark';
  /** A fresh install opens the welcome tab; tests close it unless they are about it. */
  keepWelcome?: boolean;
}

/** Debian Chromium, headless, with the built extension loaded and a profile of its own. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'pca-profile-')));
  const lang = options.lang ?? 'en';
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: lang,
    colorScheme: options.colorScheme ?? 'light',
    env: { ...process.env, LANGUAGE: lang, LANG: lang === 'ja' ? 'ja_JP.UTF-8' : 'en_US.UTF-8' },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--lang=${lang}`,
      '--no-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  if (options.profileDir === undefined && !options.keepWelcome) await closeWelcome(context);
  return {
    context,
    extensionId,
    profileDir,
    url: (path) => `chrome-extension://${extensionId}/${path}`,
    close: () => context.close(),
  };
}

/** Waits briefly for the welcome tab of a fresh install and closes it, so tests start alike. */
async function closeWelcome(context: BrowserContext): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const welcome = context.pages().find((page) => page.url().endsWith('/welcome.html'));
    if (welcome) return welcome.close();
    await new Promise((done) => setTimeout(done, 100));
  }
}

export async function removeProfile(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * A copy of the build whose manifest also holds `<all_urls>`. Only for the screen-scan tests:
 * `tabs.captureVisibleTab` needs `activeTab`, which only a real click on the toolbar icon or a
 * real shortcut grants, and automation can do neither. Everything else is the production build.
 */
export async function buildWithAllUrls(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pca-ext-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    host_permissions?: string[];
  };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), '<all_urls>'];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return dir;
}
