import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startKosmoServer, type KosmoServer } from '../../fixtures/kosmo/server.mjs';
import { base32Encode } from '../../fixtures/kosmo/totp.mjs';
import { qrPngBase64 } from '../../fixtures/kosmo/qr.mjs';
import {
  KosmoClient,
  attr,
  formAction,
  oathtool,
  tagById,
  tagName,
  textById,
  type Page,
} from './client';

interface StateDevice {
  id: string;
  label: string;
  secret: string;
}
interface StateJson {
  users: { username: string; devices: StateDevice[] }[];
  sessions: {
    tabId: string;
    step: string;
    username: string | null;
    totpSecret: string | null;
    totpSecretBase32: string | null;
    keyUri: string | null;
    emailCode: string;
  }[];
  testPages: { twoQr: { uri: string; secret: string } };
}

const REALM = '/realms/densenkenpo';
const ISSUER = encodeURIComponent('電線工業健康保険組合');
let server: KosmoServer;

beforeAll(async () => {
  server = await startKosmoServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  await fetch(`${server.url}/__test/reset`, { method: 'POST' });
});

async function state(): Promise<StateJson> {
  return (await (await fetch(`${server.url}/__test/state`)).json()) as StateJson;
}

async function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function pngSize(base64: string): [number, number] {
  const png = Buffer.from(base64, 'base64');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** Every href/action/src of a page is relative to the origin (never names a host). */
function expectNoHost(page: Page): void {
  for (const m of page.html.matchAll(/\s(?:href|action|src)="([^"]*)"/g)) {
    expect(m[1]).toMatch(/^(\/|data:)/);
  }
}

describe.each(['v1', 'v2'] as const)('KOSMO replica, theme %s', (theme) => {
  const query = `theme=${theme}`;

  it('renders the login page with Keycloak ids and sets the session cookie', async () => {
    const client = new KosmoClient(server.url);
    const page = await client.get(`${REALM}/protocol/openid-connect/auth?${query}`);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/^<!DOCTYPE html>/);
    expect(page.html).toMatch(/<meta charset="utf-8"\s*\/?>/);
    expect(page.html).toContain('ユーザID');
    expect(page.html).toContain('パスワード');
    expect(attr(tagById(page.html, 'kc-form-login'), 'method')).toBe('post');
    expect(formAction(page.html, 'kc-form-login')).toMatch(
      /^\/realms\/densenkenpo\/login-actions\/authenticate\?session_code=[\w-]+&execution=[\w-]+&client_id=kosmo-web&tab_id=[\w-]+$/,
    );
    expect(attr(tagById(page.html, 'username'), 'name')).toBe('username');
    expect(attr(tagById(page.html, 'password'), 'type')).toBe('password');
    expect(attr(tagById(page.html, 'rememberMe'), 'type')).toBe('checkbox');
    const login = tagById(page.html, 'kc-login');
    expect(tagName(login)).toBe(theme === 'v1' ? 'input' : 'button');
    expect(attr(login, 'type')).toBe('submit');
    expect(attr(login, 'name')).toBe('login');
    expect(page.headers.get('set-cookie')).toMatch(
      /^KC_SESSION=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    expectNoHost(page);
  });

  it('refuses an unknown user or a wrong password with the Keycloak error', async () => {
    const client = new KosmoClient(server.url);
    for (const [username, password] of [
      ['nobody', 'password'],
      ['user2', 'wrong'],
    ]) {
      const start = await client.get(`${REALM}/protocol/openid-connect/auth?${query}`);
      const page = await client.post(formAction(start.html, 'kc-form-login'), {
        username: username ?? '',
        password: password ?? '',
      });
      const errorId = theme === 'v1' ? 'input-error' : 'input-error-username';
      expect(textById(page.html, errorId)).toBe('ユーザIDまたはパスワードが無効です。');
      expect(tagById(page.html, 'kc-form-login')).not.toBeNull();
    }
  });

  it('shows the OTP setup page with a stable secret, manual mode and Keycloak ids', async () => {
    const client = new KosmoClient(server.url);
    const page = await client.login('user1', query);
    expect(tagById(page.html, 'kc-totp-settings')).toMatch(/^<ol/);
    expect(page.html).toContain('アプリケーションから提供されたワンタイムパスワードを入力し');
    const img = tagById(page.html, 'kc-totp-secret-qr-code');
    const src = attr(img, 'src') ?? '';
    expect(src.startsWith('data:image/png;base64, ')).toBe(true);
    const qrBase64 = src.slice('data:image/png;base64, '.length);
    expect(pngSize(qrBase64)).toEqual([246, 246]);
    expect(textById(page.html, 'mode-manual')).toBe('スキャンできませんか？');

    const form = tagById(page.html, 'kc-totp-settings-form');
    expect(attr(form, 'method')).toBe('post');
    expect(attr(form, 'action')).toMatch(
      /^\/realms\/densenkenpo\/login-actions\/required-action\?session_code=[\w-]+&execution=CONFIGURE_TOTP&client_id=kosmo-web&tab_id=[\w-]+$/,
    );
    expect(attr(tagById(page.html, 'totp'), 'name')).toBe('totp');
    expect(attr(tagById(page.html, 'totp'), 'autocomplete')).toBe(
      theme === 'v1' ? 'off' : 'one-time-code',
    );
    const secretTag = tagById(page.html, 'totpSecret');
    expect(attr(secretTag, 'type')).toBe('hidden');
    expect(attr(secretTag, 'name')).toBe('totpSecret');
    const totpSecret = attr(secretTag, 'value') ?? '';
    expect(totpSecret).toMatch(/^[\x21-\x7e]{20}$/);
    expect(attr(tagById(page.html, 'userLabel'), 'name')).toBe('userLabel');
    const logout = tagById(page.html, 'logout-sessions');
    expect(attr(logout, 'type')).toBe('checkbox');
    expect(attr(logout, 'name')).toBe('logout-sessions');
    expect(page.html).toContain('全てのデバイスからサインアウトする');
    const save = tagById(page.html, 'saveTOTPBtn');
    expect(theme === 'v1' ? attr(save, 'value') : textById(page.html, 'saveTOTPBtn')).toBe('実行');
    expect(tagById(page.html, 'cancelTOTPBtn')).not.toBeNull();
    expectNoHost(page);

    // The QR holds Keycloak's key URI for this very secret.
    const key = base32Encode(Buffer.from(totpSecret, 'latin1'));
    const uri = `otpauth://totp/${ISSUER}:user1?secret=${key}&digits=6&algorithm=SHA1&issuer=${ISSUER}&period=30`;
    const session = (await state()).sessions.find((s) => s.username === 'user1');
    expect(session?.keyUri).toBe(uri);
    expect(qrBase64).toBe(await qrPngBase64(uri));

    // Manual mode: same secret, Base32 in 8 groups of 4, the policy list.
    const manual = await client.get(attr(tagById(page.html, 'mode-manual'), 'href') ?? '');
    const grouped = textById(manual.html, 'kc-totp-secret-key') ?? '';
    expect(grouped).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/);
    expect(grouped.replace(/ /g, '')).toBe(key);
    expect(attr(tagById(manual.html, 'totpSecret'), 'value')).toBe(totpSecret);
    expect(textById(manual.html, 'kc-totp-type')).toContain('時間ベース');
    expect(textById(manual.html, 'kc-totp-algorithm')).toContain('SHA1');
    expect(textById(manual.html, 'kc-totp-digits')).toContain('6');
    expect(textById(manual.html, 'kc-totp-period')).toContain('30');
    expect(tagById(manual.html, 'mode-barcode')).not.toBeNull();
    expect(tagById(manual.html, 'kc-totp-secret-qr-code')).toBeNull();
    expect(attr(tagById(manual.html, 'mode'), 'value')).toBe('manual');

    // A wrong code: error under the field, same secret again.
    const wrong = await client.post(formAction(manual.html, 'kc-totp-settings-form'), {
      totp: '000000',
      totpSecret,
      userLabel: '',
      mode: 'manual',
    });
    expect(textById(wrong.html, 'input-error-otp-code')).toBe('ワンタイムパスワードが無効です。');
    expect(attr(tagById(wrong.html, 'totpSecret'), 'value')).toBe(totpSecret);
    expect(tagById(wrong.html, 'kc-totp-secret-key')).not.toBeNull();

    // The code oathtool computes from the state's Base32 secret is accepted.
    const fromState = (await state()).sessions.find((s) => s.username === 'user1');
    expect(fromState?.totpSecretBase32).toBe(key);
    const signedIn = await client.post(formAction(wrong.html, 'kc-totp-settings-form'), {
      totp: oathtool(['--totp', '-b', key]),
      totpSecret,
      userLabel: 'PC Authenticator',
      'logout-sessions': 'on',
    });
    expect(textById(signedIn.html, 'signed-in')).toBe('user1');
    expect(signedIn.html).toContain('ログインしました');
    const user1 = (await state()).users.find((u) => u.username === 'user1');
    expect(user1?.devices).toEqual([
      expect.objectContaining({ label: 'PC Authenticator', secret: key }),
    ]);

    // The next login asks for a code of the new device.
    const next = await client.login('user1', query);
    expect(tagById(next.html, 'kc-otp-login-form')).not.toBeNull();
  });

  it('OTP entry page for one device: ids, autocomplete, wrong and right codes', async () => {
    const client = new KosmoClient(server.url);
    const page = await client.login('user2', query);
    const form = tagById(page.html, 'kc-otp-login-form');
    expect(attr(form, 'method')).toBe('post');
    expect(attr(form, 'action')).toMatch(/^\/realms\/densenkenpo\/login-actions\/authenticate\?/);
    const otp = tagById(page.html, 'otp');
    expect(attr(otp, 'name')).toBe('otp');
    expect(attr(otp, 'type')).toBe('text');
    expect(attr(otp, 'autocomplete')).toBe(theme === 'v1' ? 'off' : 'one-time-code');
    const login = tagById(page.html, 'kc-login');
    expect(tagName(login)).toBe(theme === 'v1' ? 'input' : 'button');
    expect(attr(login, 'name')).toBe('login');
    expect(tagById(page.html, 'kc-otp-credential-0')).toBeNull();
    expect(page.html).not.toContain('type="radio"');
    expectNoHost(page);

    const wrong = await client.post(formAction(page.html, 'kc-otp-login-form'), { otp: '123456' });
    expect(textById(wrong.html, 'input-error-otp-code')).toBe('ワンタイムパスワードが無効です。');
    const secret = (await state()).users.find((u) => u.username === 'user2')?.devices[0]?.secret;
    const ok = await client.post(formAction(wrong.html, 'kc-otp-login-form'), {
      otp: oathtool(['--totp', '-b', secret ?? '']),
    });
    expect(textById(ok.html, 'signed-in')).toBe('user2');
  });

  it('OTP entry page for two devices renders the theme chooser and checks the chosen one', async () => {
    const client = new KosmoClient(server.url);
    const page = await client.login('user3', query);
    const devices = (await state()).users.find((u) => u.username === 'user3')?.devices ?? [];
    expect(devices.map((d) => d.label)).toEqual(['PC Authenticator (Chrome)', 'スマートフォン']);
    for (const [i, device] of devices.entries()) {
      const tile = tagById(page.html, `kc-otp-credential-${i}`);
      if (theme === 'v1') {
        expect(tagName(tile)).toBe('input');
        expect(attr(tile, 'type')).toBe('radio');
        expect(attr(tile, 'name')).toBe('selectedCredentialId');
        expect(attr(tile, 'value')).toBe(device.id);
        const label = new RegExp(`<label for="kc-otp-credential-${i}"[^>]*>([\\s\\S]*?)</label>`);
        expect(label.exec(page.html)?.[1]).toContain(device.label);
      } else {
        expect(tagName(tile)).toBe('div');
        expect(attr(tile, 'onclick')).toContain(device.id);
        expect(textById(page.html, `kc-otp-credential-${i}`)).toContain(device.label);
      }
    }
    if (theme === 'v2') {
      const hidden = tagById(page.html, 'selectedCredentialId');
      expect(attr(hidden, 'type')).toBe('hidden');
      expect(attr(hidden, 'value')).toBe(devices[0]?.id);
      expect(page.html).not.toContain('type="radio"');
    }
    const code1 = oathtool(['--totp', '-b', devices[1]?.secret ?? '']);
    const code0 = oathtool(['--totp', '-b', devices[0]?.secret ?? '']);
    if (code1 !== code0) {
      const wrong = await client.post(formAction(page.html, 'kc-otp-login-form'), {
        otp: code1,
        selectedCredentialId: devices[0]?.id ?? '',
      });
      expect(tagById(wrong.html, 'input-error-otp-code')).not.toBeNull();
    }
    const again = await client.get(formAction(page.html, 'kc-otp-login-form'));
    const ok = await client.post(formAction(again.html, 'kc-otp-login-form'), {
      otp: code1,
      selectedCredentialId: devices[1]?.id ?? '',
    });
    expect(textById(ok.html, 'signed-in')).toBe('user3');
  });

  it('the e-mail OTP page has emailCode and resend, and takes the code from the state', async () => {
    const client = new KosmoClient(server.url);
    const page = await client.login('mailuser', query);
    expect(page.html).toContain('ワンタイムパスワード (OTP) メール認証');
    expect(attr(tagById(page.html, 'emailCode'), 'name')).toBe('emailCode');
    expect(attr(tagById(page.html, 'kc-resend'), 'name')).toBe('resend');
    expect(page.html).toContain('再送信');
    expect(tagById(page.html, 'otp')).toBeNull();
    const action = formAction(page.html, 'kc-otp-login-form');
    const resent = await client.post(action, { emailCode: '', resend: 'true' });
    expect(resent.html).toContain('ワンタイムパスワードを再送信しました。');
    const code = (await state()).sessions.find((s) => s.username === 'mailuser')?.emailCode;
    const ok = await client.post(formAction(resent.html, 'kc-otp-login-form'), {
      emailCode: code ?? '',
      login: 'ログイン',
    });
    expect(textById(ok.html, 'signed-in')).toBe('mailuser');
  });
});

describe('KOSMO replica options and hooks', () => {
  it('requires the session cookie on login actions', async () => {
    const client = new KosmoClient(server.url);
    const page = await client.get(`${REALM}/protocol/openid-connect/auth`);
    client.cookies.clear();
    const res = await client.post(formAction(page.html, 'kc-form-login'), {
      username: 'user2',
      password: 'password',
    });
    expect(res.status).toBe(400);
    expect(res.html).toContain('Cookieが見つかりません');
  });

  it('marks the cookie Secure behind the https forwarding', async () => {
    const client = new KosmoClient(server.url, { 'x-forwarded-proto': 'https' });
    const page = await client.get(`${REALM}/protocol/openid-connect/auth`);
    expect(page.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('keeps one root session with a tab per login', async () => {
    const client = new KosmoClient(server.url);
    const a = await client.get(`${REALM}/protocol/openid-connect/auth`);
    const b = await client.get(`${REALM}/protocol/openid-connect/auth?theme=v2`);
    const ok = await client.post(formAction(a.html, 'kc-form-login'), {
      username: 'user2',
      password: 'password',
    });
    expect(tagById(ok.html, 'kc-otp-login-form')).not.toBeNull();
    expect(tagById(b.html, 'kc-login')).toMatch(/^<button/);
    const sessions = [...server.sessions.values()];
    expect(sessions).toHaveLength(2);
    expect(new Set(sessions.map((s) => s.rootId)).size).toBe(1);
  });

  it('makes a new secret per render with ?secret=render (before Keycloak 24)', async () => {
    const client = new KosmoClient(server.url);
    const first = await client.login('user1', 'secret=render');
    const secret1 = attr(tagById(first.html, 'totpSecret'), 'value') ?? '';
    const second = await client.get(attr(tagById(first.html, 'mode-manual'), 'href') ?? '');
    const secret2 = attr(tagById(second.html, 'totpSecret'), 'value') ?? '';
    expect(secret2).not.toBe(secret1);
    const key = base32Encode(Buffer.from(secret2, 'latin1'));
    expect(textById(second.html, 'kc-totp-secret-key')?.replace(/ /g, '')).toBe(key);
    const ok = await client.post(formAction(second.html, 'kc-totp-settings-form'), {
      totp: oathtool(['--totp', '-b', key]),
      totpSecret: secret2,
    });
    expect(textById(ok.html, 'signed-in')).toBe('user1');
  });

  it('supports SHA256 with 8 digits', async () => {
    const client = new KosmoClient(server.url);
    const page = await client.login('user1', 'otp_algorithm=SHA256&otp_digits=8');
    const secret = attr(tagById(page.html, 'totpSecret'), 'value') ?? '';
    const key = base32Encode(Buffer.from(secret, 'latin1'));
    const uri = (await state()).sessions[0]?.keyUri;
    expect(uri).toBe(
      `otpauth://totp/${ISSUER}:user1?secret=${key}&digits=8&algorithm=SHA256&issuer=${ISSUER}&period=30`,
    );
    const manual = await client.get(attr(tagById(page.html, 'mode-manual'), 'href') ?? '');
    expect(textById(manual.html, 'kc-totp-algorithm')).toContain('SHA256');
    expect(textById(manual.html, 'kc-totp-digits')).toContain('8');
    const ok = await client.post(formAction(manual.html, 'kc-totp-settings-form'), {
      totp: oathtool(['--totp=sha256', '--digits=8', '-b', key]),
      totpSecret: secret,
    });
    expect(textById(ok.html, 'signed-in')).toBe('user1');
  });

  it('supports HOTP (counter based)', async () => {
    const client = new KosmoClient(server.url);
    const page = await client.login('user1', 'otp_type=hotp');
    const secret = attr(tagById(page.html, 'totpSecret'), 'value') ?? '';
    const key = base32Encode(Buffer.from(secret, 'latin1'));
    expect((await state()).sessions[0]?.keyUri).toMatch(/^otpauth:\/\/hotp\/.*&counter=0$/);
    const manual = await client.get(attr(tagById(page.html, 'mode-manual'), 'href') ?? '');
    expect(textById(manual.html, 'kc-totp-type')).toContain('カウンターベース');
    expect(textById(manual.html, 'kc-totp-counter')).toContain('0');
    expect(tagById(manual.html, 'kc-totp-period')).toBeNull();
    const ok = await client.post(formAction(manual.html, 'kc-totp-settings-form'), {
      totp: oathtool(['-b', '--counter=0', key]),
      totpSecret: secret,
    });
    expect(textById(ok.html, 'signed-in')).toBe('user1');
    // The next login needs counter 1.
    const next = await client.login('user1');
    const signed = await client.post(formAction(next.html, 'kc-otp-login-form'), {
      otp: oathtool(['-b', '--counter=1', key]),
    });
    expect(textById(signed.html, 'signed-in')).toBe('user1');
  });

  it('requires a device name when the user already has a device (kc_action)', async () => {
    const client = new KosmoClient(server.url);
    const page = await client.login('user2', 'kc_action=CONFIGURE_TOTP');
    const secret = (await state()).users.find((u) => u.username === 'user2')?.devices[0]?.secret;
    const setup = await client.post(formAction(page.html, 'kc-otp-login-form'), {
      otp: oathtool(['--totp', '-b', secret ?? '']),
    });
    const totpSecret = attr(tagById(setup.html, 'totpSecret'), 'value') ?? '';
    const noLabel = await client.post(formAction(setup.html, 'kc-totp-settings-form'), {
      totp: '123456',
      totpSecret,
    });
    expect(textById(noLabel.html, 'input-error-otp-label')).toBe('デバイス名を指定してください。');
  });

  it('provisions devices and users, computes codes, resets', async () => {
    const key = 'JBSWY3DPEHPK3PXP';
    const res = await postJson('/__test/device', {
      user: 'yamada@example.jp',
      label: 'X',
      secret: key,
    });
    expect(res.status).toBe(200);
    const code = (await (
      await fetch(`${server.url}/__test/code?user=${encodeURIComponent('yamada@example.jp')}`)
    ).json()) as { code: string };
    expect(code.code).toMatch(/^\d{6}$/);
    const client = new KosmoClient(server.url);
    const page = await client.login('yamada@example.jp');
    const ok = await client.post(formAction(page.html, 'kc-otp-login-form'), {
      otp: oathtool(['--totp', '-b', key]),
    });
    expect(textById(ok.html, 'signed-in')).toBe('yamada@example.jp');

    await postJson('/__test/user', { user: 'new user' });
    const setup = await client.login('new user');
    expect(tagById(setup.html, 'kc-totp-secret-qr-code')).not.toBeNull();
    expect((await state()).sessions.at(-1)?.keyUri).toContain(`:new+user?secret=`);

    await fetch(`${server.url}/__test/reset`, { method: 'POST' });
    const after = await state();
    expect(after.users.map((u) => u.username)).toEqual([
      'user1',
      'user2',
      'user3',
      'mailuser',
      'recoveryuser',
    ]);
    expect(after.sessions).toEqual([]);
  });

  it('serves the two-QR page and the late OTP page', async () => {
    const client = new KosmoClient(server.url);
    const two = await client.get('/__test/two-qr');
    const decoy = attr(tagById(two.html, 'decoy-qr'), 'src') ?? '';
    const setup = attr(tagById(two.html, 'kc-totp-secret-qr-code'), 'src') ?? '';
    expect(decoy).toBe(`data:image/png;base64,${await qrPngBase64('https://example.com/')}`);
    const { uri } = (await state()).testPages.twoQr;
    expect(setup).toBe(`data:image/png;base64, ${await qrPngBase64(uri)}`);
    expect(two.html.indexOf('decoy-qr')).toBeLessThan(two.html.indexOf('kc-totp-secret-qr-code'));

    const late = await client.get('/__test/late-otp?theme=v2');
    expect(tagById(late.html, 'otp')).toBeNull();
    expect(late.html).toContain('late-otp-slot');
    expect(late.html).toContain('kc-otp-login-form');
    expect(late.html).toContain('setTimeout');
    const posted = await client.post('/__test/late-otp', { otp: '123456' });
    expect(textById(posted.html, 'received-otp')).toBe('123456');
  });
});
