import { mkdtemp, rm } from 'node:fs/promises';
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
  lang?: 'en' | 'ja';
  colorScheme?: 'light' | 'dark';
}

/** Debian Chromium, headless, with the built extension loaded and a profile of its own. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'pca-profile-')));
  const lang = options.lang ?? 'en';
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: lang,
    colorScheme: options.colorScheme ?? 'light',
    env: { ...process.env, LANGUAGE: lang, LANG: lang === 'ja' ? 'ja_JP.UTF-8' : 'en_US.UTF-8' },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
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
  return {
    context,
    extensionId,
    profileDir,
    url: (path) => `chrome-extension://${extensionId}/${path}`,
    close: () => context.close(),
  };
}

export async function removeProfile(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
