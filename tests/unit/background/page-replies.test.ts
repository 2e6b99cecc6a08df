import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backupHandlers } from '../../../lib/background/backup-handlers';
import { exportHandlers } from '../../../lib/background/export-handlers';
import { importHandlers } from '../../../lib/background/import-handlers';
import { manageHandlers } from '../../../lib/background/manage-handlers';
import { PendingImport } from '../../../lib/background/pending-import';
import {
  createResponder,
  forPages,
  type Data,
  type Request,
  type Respond,
} from '../../../lib/background/routes';
import { siteHandlers } from '../../../lib/background/site-handlers';
import { vaultHandlers } from '../../../lib/background/vault-handlers';
import { decodeBase32 } from '../../../lib/otp/base32';
import { generateCode } from '../../../lib/otp/code';
import { recoveryPageHandlers } from '../../../lib/background/recovery-handlers';
import { pendingImportItem } from '../../../lib/storage';
import { FAST_KDF, PASSWORD, sampleAccount, setup } from '../vault/helpers';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const MANAGE = { id: ID, url: `chrome-extension://${ID}/manage.html` };
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const HOTP_SECRET = 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK';
const NEW_SECRET = 'KRUGS4ZANFZSAYJAKRUGS4ZANFZSAYJA';
const NOW = Date.UTC(2026, 3, 1, 3, 0, 10);
const SITE = 'https://densenkenpo.portal.kosmo-web.jp';

/** Every way a key could be spelt in a reply: Base32 either case, and hex. */
function spellings(secret: string): string[] {
  const hex = [...decodeBase32(secret)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return [secret, secret.toLowerCase(), hex, hex.toUpperCase()];
}
/** Keycloak recovery codes saved with the TOTP account: as secret as its key. */
const RECOVERY = ['K7QX2MZP4RTA', 'WN3BH8CJ5LDE'];
const leaks = (reply: unknown) => {
  const text = JSON.stringify(reply);
  const secrets = [SECRET, HOTP_SECRET, NEW_SECRET].flatMap(spellings);
  return [...secrets, ...RECOVERY].filter((s) => text.includes(s));
};

/**
 * Every request, and why its reply is (or need not be) searched here. A new request does not
 * compile until it is placed: page requests that return anything about accounts are asked below.
 */
type Why =
  | 'asked'
  | 'keys after the master password'
  | 'recovery codes after the master password'
  | 'no account data';
const PLACED: Record<Request, Why> = {
  'vault.status': 'asked',
  'sync.status': 'no account data',
  'sync.enable': 'no account data',
  'sync.disable': 'no account data',
  'sync.remove-remote': 'no account data',
  'sync.now': 'no account data',
  'sync.join': 'no account data',
  'sync.offer': 'no account data',
  'vault.snapshot': 'asked',
  'vault.create': 'no account data',
  'vault.unlock': 'asked',
  'vault.lock': 'no account data',
  'accounts.list': 'asked',
  'accounts.add': 'asked',
  'accounts.delete': 'asked',
  'accounts.next-hotp': 'asked',
  'clipboard.copied': 'no account data',
  'import.preview': 'asked',
  'import.commit': 'asked',
  'import.cancel': 'asked',
  'scan.screen': 'no account data',
  'scan.region': 'no account data',
  'enroll.add': 'no account data',
  'accounts.update': 'asked',
  'accounts.reorder': 'asked',
  'vault.change-password': 'no account data',
  'vault.info': 'asked',
  'vault.wipe': 'no account data',
  'fill.page': 'no account data',
  'sites.page': 'asked',
  'sites.enable': 'no account data',
  'sites.disable': 'no account data',
  'accounts.bind': 'asked',
  'otp.codes': 'no account data',
  // Content requests, asked in choose-handlers.test.ts: names and codes, never a key.
  'otp.choices': 'no account data',
  'otp.choose': 'no account data',
  'login.user': 'no account data',
  'enroll.device': 'no account data',
  'enroll.page': 'no account data',
  'enroll.code': 'no account data',
  'otp.submitted': 'no account data',
  'page.outcome': 'no account data',
  'clock.correct': 'no account data',
  'ui.open-unlock': 'no account data',
  'backup.create': 'asked',
  'export.open': 'keys after the master password',
  'recovery.save': 'no account data',
  'recovery.offer': 'no account data',
  'recovery.fill': 'no account data',
  'recovery.submitted': 'no account data',
  'recovery.settle': 'no account data',
  'recovery.codes': 'recovery codes after the master password',
  // The recovery key is no account's data: its replies are checked in recovery-handlers.test.ts.
  'recovery.info': 'no account data',
  'recovery.create': 'no account data',
  'recovery.pending': 'no account data',
  'recovery.confirm': 'no account data',
  'vault.recover': 'no account data',
  'vault.wipe-locked': 'no account data',
};

describe('replies to extension pages', () => {
  let env: ReturnType<typeof setup>;
  let respond: Respond;
  const replies = new Map<string, unknown>();
  const ask = async <K extends Request>(request: K, data: Data<K>) => {
    const reply = await respond(request, { data, sender: MANAGE });
    replies.set(`${request} #${replies.size}`, reply);
    return reply;
  };

  beforeEach(async () => {
    fakeBrowser.reset();
    replies.clear();
    env = setup();
    await env.vault.create(PASSWORD, { kdf: FAST_KDF });
    await env.vault.addAccounts([
      sampleAccount({
        issuer: 'TOTP',
        secret: SECRET,
        recoveryCodes: RECOVERY.map((code, i) => ({ code, used: i === 0 })),
      }),
      sampleAccount({ issuer: 'HOTP', secret: HOTP_SECRET, type: 'hotp', counter: 3, sites: [] }),
    ]);
    const pending = new PendingImport(pendingImportItem, crypto);
    const handlers = {
      ...vaultHandlers(
        env.vault,
        () => {},
        () => NOW,
      ),
      ...importHandlers(env.vault, { pending }),
      ...siteHandlers(env.vault),
      ...backupHandlers(env.vault, { crypto, now: () => NOW, saveStatus: async () => {} }),
      ...exportHandlers(env.vault, crypto),
      ...manageHandlers(env.vault, { clearLocal: async () => {} }),
      ...recoveryPageHandlers(env.vault),
    };
    respond = createResponder(forPages(handlers), {
      extensionId: ID,
      isAllowed: () => true,
      touch: () => env.vault.touch(),
    });
  });

  it('carry codes, never a key, except the export after the master password', async () => {
    const snapshot = await ask('vault.snapshot', undefined);
    if (!snapshot.ok || snapshot.value.list.accounts.length !== 2) throw new Error('no accounts');
    const [totp, hotp] = snapshot.value.list.accounts;
    // The codes the worker made, for the step of its clock (and the next one).
    const params = { ...sampleAccount(), secret: SECRET };
    // How many recovery codes are saved and unused: never the codes.
    expect(totp!.recoveryCount).toEqual({ total: 2, unused: 1 });
    expect(totp!.codes).toEqual({
      step: Math.floor(NOW / 30_000),
      current: generateCode(params, NOW),
      next: generateCode(params, NOW + 30_000),
    });
    expect(hotp!.codes?.step).toBe(3);

    await ask('vault.status', undefined);
    await ask('accounts.list', undefined);
    const added = await ask('accounts.add', {
      uri: `otpauth://totp/New:me?secret=${NEW_SECRET}&issuer=New`,
    });
    expect(added.ok && added.value.codes?.current).toMatch(/^\d{6}$/);
    await ask('accounts.add', { uri: `otpauth://totp/Again:me?secret=${SECRET}` });
    const next = await ask('accounts.next-hotp', { id: hotp!.id });
    expect(next.ok && next.value.codes?.step).toBe(4);
    await ask('accounts.update', { id: totp!.id, patch: { name: 'renamed', pinned: true } });
    await ask('accounts.reorder', { ids: [hotp!.id, totp!.id] });
    await ask('accounts.bind', { id: hotp!.id, origin: SITE, bound: true });
    await ask('sites.page', {});
    await ask('vault.info', undefined);
    const text = [`otpauth://totp/TOTP:x?secret=${SECRET}`, `otpauth://totp/Z:z?secret=${SECRET}2`];
    const preview = await ask('import.preview', {
      source: { kind: 'text', text: text.join('\n') },
    });
    if (preview.ok) await ask('import.commit', { token: preview.value.token });
    const other = await ask('import.preview', { source: { kind: 'text', text: text[0]! } });
    if (other.ok) await ask('import.cancel', { token: other.value.token });
    const backup = await ask('backup.create', {
      masterPassword: PASSWORD,
      password: 'backup password',
    });
    expect(backup.ok).toBe(true);
    await ask('accounts.delete', { id: totp!.id });
    await ask('vault.unlock', { password: PASSWORD });
    await ask('vault.snapshot', undefined);

    const asked = new Set([...replies.keys()].map((key) => key.split(' ')[0]));
    const toAsk = Object.entries(PLACED).filter(([, why]) => why === 'asked');
    expect(toAsk.map(([request]) => request).filter((r) => !asked.has(r))).toEqual([]);
    for (const [request, reply] of replies) expect(leaks(reply), request).toEqual([]);

    // The one exception, which also shows the search above would find a key.
    const exported = await respond('export.open', { data: { password: PASSWORD }, sender: MANAGE });
    expect(leaks(exported)).toContain(HOTP_SECRET);
  });

  it('give recovery codes only after the master password', async () => {
    const { accounts } = await env.vault.listAccounts();
    const totp = accounts.find((a) => a.issuer === 'TOTP');
    const codes = await respond('recovery.codes', {
      data: { id: totp!.id, password: PASSWORD },
      sender: MANAGE,
    });
    expect(codes).toEqual({
      ok: true,
      value: [
        { code: RECOVERY[0], used: true },
        { code: RECOVERY[1], used: false },
      ],
    });
    const refused = await respond('recovery.codes', {
      data: { id: totp!.id, password: 'not the password' },
      sender: MANAGE,
    });
    expect(refused).toEqual({ ok: false, error: { key: 'error_wrong_password' } });
  });
});
