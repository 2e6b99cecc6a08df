import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackup } from '../../lib/backup/pc-backup';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KosmoSite, startReplica } from './support/kosmo-site';
import { addSeededAccount } from './support/seeded-account';
import { awayFromStepEdge, oathtoolTotp, recentTotps } from './support/oathtool';
import { sendFromPage } from './support/messages';
import { PopupPage } from './support/popup-page';

const SKEW_MS = 95_000; // the server runs 95 s ahead: three 30 s steps, codes would be refused
// A sibling subdomain whose clock is 3 hours ahead (a wrong time zone, or a lie).
const SIBLING = 'https://evil.kosmo-web.jp';
const SIBLING_SKEW_MS = 3 * 3_600_000;
const OTHER_KEY = 'MFRGGZDFMZTWQ2LKNBSWY3DP';
let replica: Awaited<ReturnType<typeof startReplica>>;
let sibling: Awaited<ReturnType<typeof startReplica>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  replica = await startReplica({ clockSkewMs: SKEW_MS });
  sibling = await startReplica({ clockSkewMs: SIBLING_SKEW_MS });
  browser = await launchWithExtension();
  await replica.attach(browser.context);
});

afterAll(async () => {
  await browser?.close();
  await replica?.server.close();
  await sibling?.server.close();
  if (browser) await removeProfile(browser.profileDir);
});

it('warns about a PC clock far off the KOSMO server, and the correction makes codes work', async () => {
  const popup = await PopupPage.open(browser);
  await popup.createPassword('clock-test-password');
  const key = await addSeededAccount(popup.page, replica.server.url);

  await popup.page.reload();
  const warning = popup.byTestId('clock-warning');
  await expect
    .poll(() => warning.innerText().catch(() => ''), { timeout: 10_000 })
    .toMatch(/9\d seconds behind densenkenpo\.portal\.kosmo-web\.jp\./);
  expect(await popup.byTestId('clock-scope').innerText()).toMatch(
    /only for the accounts of densenkenpo\.portal\.kosmo-web\.jp/,
  );
  await popup.byTestId('clock-correct').click();
  await expect.poll(() => warning.count()).toBe(0);

  // An account of no site (added in the popup) keeps this PC's time.
  await popup.addByKey({ issuer: 'Elsewhere', name: 'me', secret: OTHER_KEY });
  await awayFromStepEdge(8);
  expect(await popup.code(1)).toBe(oathtoolTotp(OTHER_KEY, Date.now()));
  // The server's steps end 5 s apart from this PC's: wait on its own clock.
  await awayFromStepEdge(8, SKEW_MS);
  // The correction is measured from the Date header (whole seconds), so right after the server's
  // step begins the popup may still show the step before, which Keycloak accepts too.
  expect(recentTotps(key, Date.now() + SKEW_MS)).toContain(await popup.code());
  await awayFromStepEdge(10, SKEW_MS);
  const site = await KosmoSite.open(browser.context, 'v1');
  await site.login('user2');
  await expect
    .poll(
      async () =>
        recentTotps(key, Date.now() + SKEW_MS).includes(
          await site.page.locator('#otp').inputValue(),
        ),
      { timeout: 5000 },
    )
    .toBe(true);
  await site.page.locator('#kc-login').click();
  await expect.poll(() => site.signedIn().count()).toBe(1);
});

it('never asks a KOSMO host only a backup file bound, and explains a clock hours off', async () => {
  const other = await launchWithExtension();
  try {
    await sibling.attach(other.context, SIBLING);
    const asked: string[] = [];
    other.context.on('request', (request) => {
      if (request.url().startsWith(SIBLING)) asked.push(request.url());
    });
    const popup = await PopupPage.open(other);
    await popup.createPassword('clock-test-password');
    // A backup whose account is bound to the sibling host: an import, not the user's binding.
    const file = await createBackup(
      [
        {
          type: 'totp',
          issuer: 'KOSMO',
          name: 'look-alike',
          secret: OTHER_KEY,
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: 0,
          sites: [SIBLING],
        },
      ],
      'backup-password',
      { now: Date.now(), crypto, kdfCost: { memoryKiB: 64, iterations: 1, parallelism: 1 } },
    );
    const source = { kind: 'file' as const, name: 'b.pcauth.json', base64: btoa(file) };
    const preview = await sendFromPage(popup.page, 'import.preview', {
      source,
      password: 'backup-password',
    });
    if (!preview.ok) throw new Error('preview failed');
    const committed = await sendFromPage(popup.page, 'import.commit', {
      token: preview.value.token,
    });
    expect(committed.ok).toBe(true);

    await popup.page.reload();
    await popup.accounts().first().waitFor();
    // Time for a check the popup must not make.
    await popup.page.waitForTimeout(2000);
    expect(await popup.byTestId('clock-warning').count()).toBe(0);
    expect(asked).toEqual([]);
    await awayFromStepEdge(8);
    expect(await popup.code()).toBe(oathtoolTotp(OTHER_KEY, Date.now()));

    // The user binds it themself: now that host's clock is read, named, and not "corrected".
    const { accounts } = await sendFromPage(popup.page, 'accounts.list', undefined).then((r) => {
      if (!r.ok) throw new Error('list failed');
      return r.value;
    });
    await sendFromPage(popup.page, 'accounts.bind', {
      id: accounts[0]!.id,
      origin: SIBLING,
      bound: true,
    });
    await popup.page.reload();
    const warning = popup.byTestId('clock-warning');
    await expect
      .poll(() => warning.innerText().catch(() => ''), { timeout: 10_000 })
      .toMatch(/3 hours behind evil\.kosmo-web\.jp\./);
    expect(await popup.byTestId('clock-correct').count()).toBe(0);
    expect(await popup.byTestId('clock-set-pc').innerText()).toMatch(/Date & time → “Sync now”/);
    expect(await popup.code()).toBe(oathtoolTotp(OTHER_KEY, Date.now()));
  } finally {
    await other.close();
    await removeProfile(other.profileDir);
  }
});
