// Keycloak detection on the replica's real pages (tests/fixtures/kosmo), both themes.
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startKosmoServer, type KosmoServer } from '../../fixtures/kosmo/server.mjs';
import { KosmoClient } from '../kosmo/client';
import { detectOtpTarget } from '../../../lib/autofill/detect/detect-otp-target';
import { isEmailOtpForm } from '../../../lib/autofill/detect/exclusions';
import { byId, documentOf } from './dom';

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

/** The page a user sees after the password: user2 = one device, user3 = two, mailuser = e-mail. */
async function pageAfterLogin(user: string, theme: 'v1' | 'v2'): Promise<string> {
  const page = await new KosmoClient(server.url).login(user, `theme=${theme}`);
  expect(page.status).toBe(200);
  return page.html;
}

describe.each([
  // Keycloak 21–25: autocomplete off, <input type=submit>; 26: one-time-code, <button>.
  ['v1', 'off', 'input'],
  ['v2', 'one-time-code', 'button'],
] as const)('Keycloak OTP entry page, theme %s', (theme, autocomplete, submitTag) => {
  it.each([false, true])('finds input#otp with one device (generic: %s)', async (generic) => {
    const doc = documentOf(await pageAfterLogin('user2', theme));
    const target = detectOtpTarget(doc, { generic });
    expect(target).toEqual({
      kind: 'keycloak',
      input: byId(doc, 'otp'),
      form: byId(doc, 'kc-otp-login-form'),
      theme,
      selectedDevice: null,
    });
    expect(byId(doc, 'otp').getAttribute('autocomplete')).toBe(autocomplete);
    expect(byId(doc, 'kc-login').localName).toBe(submitTag);
  });

  it('names the selected one of two devices and follows a switch', async () => {
    // Scripts on: v2 switches through its inline toggleOTP(), v1 through the label's radio.
    const { window } = new JSDOM(await pageAfterLogin('user3', theme), {
      runScripts: 'dangerously',
    });
    const doc = window.document;
    const selected = (): string | null => {
      const target = detectOtpTarget(doc, { generic: false });
      return target?.kind === 'keycloak' ? target.selectedDevice : 'not keycloak';
    };
    const choose = (i: number): void =>
      (theme === 'v1'
        ? doc.querySelector<HTMLElement>(`label[for="kc-otp-credential-${i}"]`)
        : byId(doc, `kc-otp-credential-${i}`)
      )?.click();

    expect(selected()).toBe('PC Authenticator (Chrome)');
    choose(1);
    expect(selected()).toBe('スマートフォン');
    choose(0);
    expect(selected()).toBe('PC Authenticator (Chrome)');
    window.close();
  });

  it.each([
    ['as rendered (emailCode)', null],
    ['with the input named code', 'code'],
    ['with the input named otp', 'otp'],
  ])('never the e-mail OTP page, %s', async (_name, rename) => {
    const doc = documentOf(await pageAfterLogin('mailuser', theme));
    const input = byId<HTMLInputElement>(doc, 'emailCode');
    if (rename) {
      input.id = rename;
      input.name = rename;
    }
    const form = byId<HTMLFormElement>(doc, 'kc-otp-login-form');
    expect(isEmailOtpForm(form)).toBe(true);
    expect(detectOtpTarget(doc, { generic: false })).toBeNull();
    expect(detectOtpTarget(doc, { generic: true })).toBeNull();
  });

  it('finds the form a script adds after load (detection runs again)', async () => {
    const html = await (await fetch(`${server.url}/__test/late-otp?theme=${theme}&delay=5`)).text();
    const { window } = new JSDOM(html, { runScripts: 'dangerously' });
    const doc = window.document;
    expect(detectOtpTarget(doc, { generic: true })).toBeNull();
    await vi.waitFor(() => expect(byId(doc, 'late-otp-slot').dataset.ready).toBe('true'));
    expect(detectOtpTarget(doc, { generic: false })).toMatchObject({ kind: 'keycloak', theme });
    window.close();
  });
});
