import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startKosmoServer, type KosmoServer } from '../../fixtures/kosmo/server.mjs';
import { KosmoClient, attr, formAction, oathtool, tagById, tagName, textById } from './client';

interface StateJson {
  users: {
    username: string;
    devices: { secret: string }[];
    configureRecoveryCodes: boolean;
    recovery: { codes: string[]; next: number } | null;
  }[];
  sessions: { username: string | null; totpSecretBase32: string | null; createdAt: string }[];
}

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

async function recoveryOf(username: string) {
  return (await state()).users.find((u) => u.username === username)?.recovery ?? null;
}

/** The codes of the page as the list shows them: dashes and the v1 numbers taken off. */
function listedCodes(html: string): string[] {
  const list = /<ol id="kc-recovery-codes-list"[\s\S]*?<\/ol>/.exec(html)?.[0] ?? '';
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<span>\d+:<\/span>/, '')
      .replace(/[\s-]/g, '')
      .trim(),
  );
}

function hiddenValue(html: string, name: string): string | null {
  const tag = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? null;
  return attr(tag, 'value');
}

/** recoveryuser: password → OTP setup (oathtool's code) → the recovery codes page. */
async function toRecoverySetup(client: KosmoClient, theme: 'v1' | 'v2') {
  const setup = await client.login('recoveryuser', `theme=${theme}`);
  const mine = (await state()).sessions.filter((s) => s.username === 'recoveryuser');
  const key = mine.at(-1)?.totpSecretBase32 ?? '';
  const page = await client.post(formAction(setup.html, 'kc-totp-settings-form'), {
    totp: oathtool(['--totp', '-b', key]),
    totpSecret: attr(tagById(setup.html, 'totpSecret'), 'value') ?? '',
    userLabel: 'PC',
  });
  return { page, key };
}

describe.each(['v1', 'v2'] as const)('recovery codes in the replica, theme %s', (theme) => {
  it('shows 12 codes after the OTP setup with Keycloak ids; a render makes new ones', async () => {
    const client = new KosmoClient(server.url);
    const { page } = await toRecoverySetup(client, theme);
    expect(page.html).toContain('template: login-recovery-authn-code-config.ftl');
    const codes = listedCodes(page.html);
    expect(codes).toHaveLength(12);
    for (const code of codes) expect(code).toMatch(/^[A-NP-Z1-9]{12}$/);
    expect(hiddenValue(page.html, 'generatedRecoveryAuthnCodes')).toBe(codes.join(','));
    expect(hiddenValue(page.html, 'generatedAt')).toMatch(/^\d+$/);
    expect(attr(tagById(page.html, 'kcRecoveryCodesConfirmationCheck'), 'type')).toBe('checkbox');
    expect(attr(tagById(page.html, 'saveRecoveryAuthnCodesBtn'), 'disabled')).toBe('');
    for (const id of ['printRecoveryCodes', 'downloadRecoveryCodes', 'copyRecoveryCodes']) {
      expect(tagName(tagById(page.html, id))).toBe('button');
    }
    expect(textById(page.html, 'kc-attempted-username')).toBe('recoveryuser');

    const again = await client.get(formAction(page.html, 'kc-recovery-codes-settings-form'));
    expect(listedCodes(again.html)).toHaveLength(12);
    expect(listedCodes(again.html)).not.toEqual(codes);
  });

  it('keeps only the codes of the page submitted, then signs in', async () => {
    const client = new KosmoClient(server.url);
    const { page } = await toRecoverySetup(client, theme);
    const action = formAction(page.html, 'kc-recovery-codes-settings-form');
    const tampered = await client.post(action, {
      generatedRecoveryAuthnCodes: 'AAAAAAAAAAAA',
      generatedAt: '1',
    });
    expect(tagById(tampered.html, 'kc-recovery-codes-list')).not.toBeNull();
    expect(await recoveryOf('recoveryuser')).toBeNull();

    const codes = listedCodes(tampered.html);
    const done = await client.post(formAction(tampered.html, 'kc-recovery-codes-settings-form'), {
      generatedRecoveryAuthnCodes: codes.join(','),
      generatedAt: hiddenValue(tampered.html, 'generatedAt') ?? '',
    });
    expect(textById(done.html, 'signed-in')).toBe('recoveryuser');
    expect(await recoveryOf('recoveryuser')).toEqual({ codes, next: 0 });
  });

  it('logs in with the codes in order, refusing a wrong or used one', async () => {
    const setup = new KosmoClient(server.url);
    const { page, key } = await toRecoverySetup(setup, theme);
    const codes = listedCodes(page.html);
    await setup.post(formAction(page.html, 'kc-recovery-codes-settings-form'), {
      generatedRecoveryAuthnCodes: codes.join(','),
    });

    const client = new KosmoClient(server.url);
    const otp = await client.login('recoveryuser', `theme=${theme}`);
    expect(tagById(otp.html, 'kc-otp-login-form')).not.toBeNull();
    expect(attr(tagById(otp.html, 'try-another-way'), 'href')).toBe('#');
    const ask = await client.post(formAction(otp.html, 'kc-select-try-another-way-form'), {
      tryAnotherWay: 'on',
    });
    expect(ask.html).toContain('template: login-recovery-authn-code-input.ftl');
    expect(attr(tagById(ask.html, 'kc-recovery-code-login-form'), 'method')).toBe('post');
    expect(attr(tagById(ask.html, 'recoveryCodeInput'), 'name')).toBe('recoveryCodeInput');
    expect(tagName(tagById(ask.html, 'kc-login'))).toBe(theme === 'v1' ? 'input' : 'button');
    expect(ask.html).toMatch(/リカバリーコード #1</);

    // The second code is not the one asked for: refused with Keycloak's field error.
    const wrong = await client.post(formAction(ask.html, 'kc-recovery-code-login-form'), {
      recoveryCodeInput: codes[1]!,
    });
    const errorId = theme === 'v1' ? 'input-error' : 'input-error-recoveryCodeInput';
    expect(textById(wrong.html, errorId)).toBe('無効なリカバリー認証コードです。');
    expect(attr(tagById(wrong.html, 'recoveryCodeInput'), 'aria-invalid')).toBe('true');

    const dashed = codes[0]!.replace(/(.{4})(?=.)/g, '$1-');
    const ok = await client.post(formAction(wrong.html, 'kc-recovery-code-login-form'), {
      recoveryCodeInput: dashed,
    });
    expect(textById(ok.html, 'signed-in')).toBe('recoveryuser');
    expect(await recoveryOf('recoveryuser')).toEqual({ codes, next: 1 });

    // The next login asks for #2; the used #1 is refused.
    const next = new KosmoClient(server.url);
    const otp2 = await next.login('recoveryuser', `theme=${theme}`);
    const ask2 = await next.post(formAction(otp2.html, 'kc-select-try-another-way-form'), {
      tryAnotherWay: 'on',
    });
    expect(ask2.html).toMatch(/リカバリーコード #2</);
    const used = await next.post(formAction(ask2.html, 'kc-recovery-code-login-form'), {
      recoveryCodeInput: codes[0]!,
    });
    expect(textById(used.html, errorId)).toBe('無効なリカバリー認証コードです。');
    // The OTP still works beside the codes.
    expect(key).toMatch(/^[A-Z2-7]+$/);
  });
});

it('asks for new codes once the last one is used', async () => {
  const setup = new KosmoClient(server.url);
  const { page } = await toRecoverySetup(setup, 'v1');
  const codes = listedCodes(page.html);
  await setup.post(formAction(page.html, 'kc-recovery-codes-settings-form'), {
    generatedRecoveryAuthnCodes: codes.join(','),
  });
  server.users.get('recoveryuser')!.recovery!.next = codes.length - 1;

  const client = new KosmoClient(server.url);
  const otp = await client.login('recoveryuser');
  const ask = await client.post(formAction(otp.html, 'kc-select-try-another-way-form'), {
    tryAnotherWay: 'on',
  });
  expect(ask.html).toMatch(/リカバリーコード #12</);
  const last = await client.post(formAction(ask.html, 'kc-recovery-code-login-form'), {
    recoveryCodeInput: codes[11]!,
  });
  expect(tagById(last.html, 'kc-recovery-codes-list')).not.toBeNull();
  expect(listedCodes(last.html)).not.toEqual(codes);

  // With no code left, the OTP page offers no other way.
  const later = await new KosmoClient(server.url).login('recoveryuser');
  expect(tagById(later.html, 'try-another-way')).toBeNull();
});

it('POST /__test/user with recoveryCodes: true sets the required action', async () => {
  await fetch(`${server.url}/__test/user`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'rc-new', recoveryCodes: true }),
  });
  const user = (await state()).users.find((u) => u.username === 'rc-new');
  expect(user).toMatchObject({ configureRecoveryCodes: true, recovery: null });
});
