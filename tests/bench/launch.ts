import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR, type ExtensionBrowser } from '../e2e/support/browser';

/** The empty extension page the popup is compared with (the production build ships none). */
export const BLANK_PAGE = 'blank.html';

/**
 * A copy of the built extension with `blank.html` added, in a temp dir. The bench loads this
 * copy for the whole run, so the popup and the blank page come from the same extension.
 */
export async function copyExtensionWithBlankPage(): Promise<{
  dir: string;
  remove: () => Promise<void>;
}> {
  const root = await mkdtemp(join(tmpdir(), 'pca-bench-ext-'));
  const dir = join(root, 'chrome-mv3');
  await cp(EXTENSION_DIR, dir, { recursive: true });
  await writeFile(
    join(dir, BLANK_PAGE),
    '<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8" />\n    <title>blank</title>\n  </head>\n  <body></body>\n</html>\n',
  );
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}

export interface BenchLaunchOptions {
  extensionDir: string;
  lang?: 'en' | 'ja';
}

/**
 * Mirrors `launchWithExtension` in tests/e2e/support/browser.ts (same Chromium, same flags), but
 * loads the extension from `extensionDir` and uses a throwaway profile removed on close.
 */
export async function launchBench(options: BenchLaunchOptions): Promise<ExtensionBrowser> {
  const profileDir = await mkdtemp(join(tmpdir(), 'pca-bench-profile-'));
  const lang = options.lang ?? 'en';
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: lang,
    colorScheme: 'light',
    env: { ...process.env, LANGUAGE: lang, LANG: lang === 'ja' ? 'ja_JP.UTF-8' : 'en_US.UTF-8' },
    args: [
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
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
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** "Chromium 156.0.8078.79 built on Debian …", or the error, for the header. */
export function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch (error) {
    return `unknown (${(error as Error).message})`;
  }
}
