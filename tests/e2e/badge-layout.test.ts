import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KOSMO_ORIGIN, startReplica } from './support/kosmo-site';
import { afterStepOf, awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';
import { addSeededAccount } from './support/seeded-account';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The page's controls near the field, and what of our badge is visible (badge or its icon). */
function layout(page: Page) {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const form = document.querySelector('#kc-otp-login-form')!;
    const controls = [...form.querySelectorAll('button, input:not([type=hidden]), a[href]')]
      .filter((el) => el.id !== 'otp')
      .map((el) => ({ id: el.id, box: box(el.getBoundingClientRect()) }));
    const root = document.querySelector('pc-authenticator-badge')?.shadowRoot;
    const ours = [
      ...(root?.querySelectorAll('[data-testid="badge"], [data-testid="badge-expand"]') ?? []),
    ]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({
        id: (el as HTMLElement).dataset.testid!,
        box: box(el.getBoundingClientRect()),
      }));
    const field = box(document.querySelector('#otp')!.getBoundingClientRect());
    return { controls, ours, field };
  });
}

// Keycloak 26's markup without its styles (seen when the theme's CSS does not load): the field is
// narrow and 「ログイン」 sits right under it, where the badge used to go.
describe.each(['v1', 'v2'] as const)('the badge on an unstyled login page, theme %s', (theme) => {
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let browser: ExtensionBrowser;
  let key = '';
  // When the last code went to the replica: it refuses a step used once (as Keycloak does), so the
  // next login waits for a fresh one — and so does the badge.
  let submitted = 0;

  beforeAll(async () => {
    replica = await startReplica({ theme });
    browser = await launchWithExtension();
    await replica.attach(browser.context);
    const popup = await PopupPage.open(browser);
    await popup.createPassword('badge-layout-password');
    key = await addSeededAccount(popup.page, replica.server.url);
    await popup.page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await replica?.server.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  it.each([
    ['a desktop window', 1280, 'badge'],
    ['a narrow window', 320, 'badge-expand'],
  ])('covers no control in %s', async (_, width, shown) => {
    await afterStepOf(submitted);
    await awayFromStepEdge(8);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 700 });
    await page.route('**/*.css', (route) => route.abort());
    await page.goto(
      `${KOSMO_ORIGIN}/realms/densenkenpo/protocol/openid-connect/auth?theme=${theme}`,
    );
    await page.locator('#username').fill('user2');
    await page.locator('#password').fill('password');
    await page.locator('#kc-login').click();
    await expect
      .poll(() => page.locator('#otp').inputValue(), { timeout: 8000 })
      .toBe(oathtoolTotp(key));
    await page.waitForTimeout(300);
    const { controls, ours, field } = await layout(page);
    const login = controls.find((c) => c.id === 'kc-login')!.box;
    // The old spot — under the field, at its right end — would have covered 「ログイン」.
    const width0 = ours[0] ? ours[0].box.right - ours[0].box.left : 0;
    const oldSpot = {
      left: field.right - width0,
      top: field.bottom + 2,
      right: field.right,
      bottom: field.bottom + 26,
    };
    if (shown === 'badge') expect(overlaps(oldSpot, login)).toBe(true);
    expect(ours.map((o) => o.id)).toEqual([shown]);
    for (const control of controls)
      expect(overlaps(ours[0]!.box, control.box), control.id).toBe(false);
    // The user's own click on 「ログイン」 reaches it: nothing of ours is in the way.
    await page.locator('#kc-login').click({ timeout: 3000 });
    submitted = Date.now();
    await expect.poll(() => page.locator('#signed-in').count()).toBe(1);
    await page.close();
  });
});
