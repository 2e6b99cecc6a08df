import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRequestFloorPage, writeStaticCodesPages } from './static-codes';
import {
  CHROMIUM,
  EXTENSION_DIR,
  launchWithExtension,
  removeProfile,
  type ExtensionBrowser,
} from '../e2e/support/browser';

/** The empty extension page the popup is compared with (the production build ships none). */
export const BLANK_PAGE = 'blank.html';

/** The account counts the popup is timed with; a static page with as many codes is written. */
export const ACCOUNT_COUNTS = [20, 200];

/**
 * A copy of the built extension with `blank.html` and the static-codes pages added, in a temp dir. The bench loads this
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
  await writeStaticCodesPages(dir, ACCOUNT_COUNTS);
  await writeRequestFloorPage(dir);
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}

export interface BenchLaunchOptions {
  extensionDir: string;
  lang?: 'en' | 'ja';
}

/** The e2e launcher with a throwaway profile, removed on close. */
export async function launchBench(options: BenchLaunchOptions): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension(options);
  return {
    ...browser,
    close: async () => {
      await browser.close();
      await removeProfile(browser.profileDir);
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
