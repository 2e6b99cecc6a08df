/**
 * `npm run screenshots:store`: the store listing's images, made from the built extension in
 * both languages, into docs/store/images/: 1-popup, 2-setup-button, 3-filled-login, 4-manage
 * (1280×800), promo-tile (440×280) and icon-128.png; and the welcome tab, docs/welcome-{ja,en}.png.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchWithExtension, removeProfile } from '../e2e/support/browser';
import { KosmoSite, replicaHook, startReplica } from '../e2e/support/kosmo-site';
import { sendFromPage } from '../e2e/support/messages';
import { awayFromStepEdge } from '../e2e/support/oathtool';
import { PopupPage } from '../e2e/support/popup-page';
import { DEMO_ACCOUNTS, DOCS, PASSWORD, demoUri } from './screenshot-accounts';
import { framed, promoTile, SCREENSHOT } from './store-frame';

const OUT = join(DOCS, 'store', 'images');
const KEY = 'ONSWG4TFORZWK3DJMVXGG3DJMVXGQ2LU';
const ICON = join(import.meta.dirname, '../../public/icon/128.png');

const CAPTIONS = {
  ja: {
    popup: [
      'コードはポップアップに',
      'クリックでコピー。秘密の鍵はマスターパスワードで暗号化して、このPCの中だけに保存します。',
    ],
    tile: 'スマホなしで、PCでワンタイムパスワード',
  },
  en: {
    popup: [
      'Your codes, one click away',
      'Click to copy. Keys are encrypted under your master password and stay on this PC.',
    ],
    tile: 'One-time passwords on your PC, no phone needed',
  },
} as const;

async function shoot(lang: 'ja' | 'en'): Promise<void> {
  const replica = await startReplica({ theme: 'v2' });
  const browser = await launchWithExtension({ lang, keepWelcome: true });
  const file = (name: string) => join(OUT, `${lang}-${name}.png`);
  try {
    await replica.attach(browser.context);
    await replicaHook(replica.server.url, '/__test/device', {
      user: 'yamada.taro',
      label: 'PC Authenticator (Chrome)',
      secret: KEY,
    });
    const isWelcome = (p: { url(): string }) => p.url().endsWith('/welcome.html');
    const welcome =
      browser.context.pages().find(isWelcome) ??
      (await browser.context.waitForEvent('page', { predicate: isWelcome }));
    await welcome.setViewportSize(SCREENSHOT);
    await welcome.getByTestId('password-new').waitFor();
    await welcome.screenshot({ path: join(DOCS, `welcome-${lang}.png`), animations: 'disabled' });
    await welcome.close();
    const popup = await PopupPage.open(browser);
    await popup.createPassword(PASSWORD);
    // The new recovery key card comes first after creating; a store picture shows the list.
    await popup.byTestId('recovery-key-done').click();
    const union = `otpauth://totp/${encodeURIComponent('電線工業健康保険組合')}:yamada.taro?secret=${KEY}`;
    await sendFromPage(popup.page, 'accounts.add', { uri: union });
    for (const [i, account] of DEMO_ACCOUNTS.slice(1, 3).entries()) {
      await sendFromPage(popup.page, 'accounts.add', { uri: demoUri(account, i + 1) });
    }
    await popup.page.setViewportSize({ width: 380, height: 520 });
    await popup.page.reload();
    await popup.accounts().nth(2).getByTestId('account-code').waitFor();
    const later = popup.byTestId('reminder-later');
    if (await later.count()) await later.first().click();
    // Codes early in their step: not the red "about to change" look.
    await awayFromStepEdge(24);
    await popup.page.waitForTimeout(1200);
    const [title, text] = CAPTIONS[lang].popup;
    await framed(
      await browser.context.newPage(),
      await popup.page.screenshot(),
      { title, text },
      file('1-popup'),
    );

    await replicaHook(replica.server.url, '/__test/user', { user: 'sato.hanako' });
    const setup = await KosmoSite.open(browser.context, 'v2');
    await setup.page.setViewportSize(SCREENSHOT);
    await setup.login('sato.hanako');
    const enroll = setup.page.getByTestId('enroll');
    await enroll.waitFor();
    await enroll.scrollIntoViewIfNeeded();
    await setup.page.screenshot({ path: file('2-setup-button'), animations: 'disabled' });

    const login = await KosmoSite.open(browser.context, 'v2');
    await login.page.setViewportSize(SCREENSHOT);
    await login.login('yamada.taro');
    await login.page.getByTestId('badge-choose').click({ timeout: 10_000 });
    await login.page.getByTestId('badge-choice').first().click();
    await login.page.getByTestId('badge-fill').waitFor();
    await login.page.screenshot({ path: file('3-filled-login'), animations: 'disabled' });

    const manage = await browser.context.newPage();
    await manage.setViewportSize(SCREENSHOT);
    await manage.goto(browser.url('manage.html'));
    await manage.getByTestId('manage-account').first().waitFor();
    await manage.screenshot({ path: file('4-manage'), animations: 'disabled' });

    await promoTile(manage, await readFile(ICON), CAPTIONS[lang].tile, file('promo-tile'));
  } finally {
    await browser.close();
    await replica.server.close();
    await removeProfile(browser.profileDir);
  }
}

await mkdir(OUT, { recursive: true });
for (const lang of ['ja', 'en'] as const) await shoot(lang);
await copyFile(ICON, join(OUT, 'icon-128.png'));
console.log(`written to ${OUT}`);
