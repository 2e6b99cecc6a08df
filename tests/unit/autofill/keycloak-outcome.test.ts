import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPageReport, type PageReport } from '../../../lib/autofill/detect/keycloak-outcome';
import { startKosmoServer, type KosmoServer } from '../../fixtures/kosmo/server.mjs';
import { KosmoClient, formAction } from '../kosmo/client';
import { documentOf } from './dom';

const report = (html: string) => readPageReport(documentOf(html));
const NONE: PageReport = { page: 'other', codeError: false, setupError: false, devices: null };

describe.each(['v1', 'v2'] as const)('what a replica page (theme %s) says', (theme) => {
  let server: KosmoServer;
  const query = `theme=${theme}`;

  beforeAll(async () => {
    server = await startKosmoServer({ theme });
  });
  afterAll(() => server?.close());

  it('the OTP page, then its refusal', async () => {
    const client = new KosmoClient(server.url);
    const page = await client.login('user2', query);
    expect(report(page.html)).toEqual({ ...NONE, page: 'otp' });
    const wrong = await client.post(formAction(page.html, 'kc-otp-login-form'), { otp: '000000' });
    expect(report(wrong.html)).toEqual({ ...NONE, page: 'otp', codeError: true });
  });

  it('the OTP page with two devices lists them and the selected one', async () => {
    const client = new KosmoClient(server.url);
    const page = await client.login('user3', query);
    expect(report(page.html).devices).toEqual({
      labels: ['PC Authenticator (Chrome)', 'スマートフォン'],
      selected: 'PC Authenticator (Chrome)',
    });
  });

  it('the setup page, then its refusal', async () => {
    const client = new KosmoClient(server.url);
    const page = await client.login('user1', query);
    expect(report(page.html)).toEqual({ ...NONE, page: 'setup' });
    const wrong = await client.post(formAction(page.html, 'kc-totp-settings-form'), {
      totp: '000000',
      totpSecret: 'x',
      userLabel: 'PC',
    });
    expect(report(wrong.html)).toEqual({
      ...NONE,
      page: 'setup',
      codeError: true,
      setupError: true,
    });
  });

  it('the e-mail OTP page is none of ours', async () => {
    const client = new KosmoClient(server.url);
    const page = await client.login('mailuser', query);
    expect(report(page.html)).toEqual(NONE);
  });
});

describe('other markup', () => {
  it.each<[string, string, Partial<PageReport>]>([
    ['a page without Keycloak forms', '<p>ログインしました</p>', NONE],
    [
      'v2: the error only in the page alert',
      '<div class="pf-v5-c-alert pf-m-danger"><p>無効です</p></div><form id="kc-otp-login-form"><input id="otp" name="otp"></form>',
      { page: 'otp', codeError: true },
    ],
    [
      'an info alert is no error',
      '<div class="pf-v5-c-alert pf-m-info"><p>送信しました</p></div><form id="kc-otp-login-form"><input id="otp" name="otp"></form>',
      { page: 'otp' },
    ],
    [
      'Keycloak 26: #input-error-otp',
      '<form id="kc-otp-login-form"><input id="otp" name="otp"><span id="input-error-otp">x</span></form>',
      { page: 'otp', codeError: true },
    ],
    [
      'the setup page missing only the device name: not accepted, code not refused',
      '<form id="kc-totp-settings-form"><input id="totp"><input id="userLabel"><span id="input-error-otp-label">x</span></form>',
      { page: 'setup', setupError: true },
    ],
  ])('%s', (_name, html, expected) => {
    expect(report(html)).toEqual({ ...NONE, ...expected });
  });
});
