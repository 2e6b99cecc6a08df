import { launchWithExtension, removeProfile } from '../../tests/e2e/support/browser';

/**
 * Loads the unpacked zip in Chromium, as a user's fresh install: the service worker starts,
 * the welcome tab opens, and the popup shows the master password form without an error.
 */
export async function checkLoads(extensionDir: string): Promise<string[]> {
  const problems: string[] = [];
  const browser = await launchWithExtension({ extensionDir, lang: 'ja', keepWelcome: true });
  try {
    const welcome = await browser.context
      .waitForEvent('page', { predicate: (p) => p.url().endsWith('/welcome.html'), timeout: 5000 })
      .catch(() => browser.context.pages().find((p) => p.url().endsWith('/welcome.html')));
    if (!welcome) problems.push('a fresh install did not open the welcome tab');
    const popup = await browser.context.newPage();
    popup.on('pageerror', (error) => problems.push(`popup error: ${error.message}`));
    await popup.goto(browser.url('popup.html'));
    await popup
      .getByTestId('password-new')
      .waitFor({ timeout: 15_000 })
      .catch(() => problems.push('the popup did not show the master password form'));
  } finally {
    await browser.close();
    await removeProfile(browser.profileDir);
  }
  return problems;
}
