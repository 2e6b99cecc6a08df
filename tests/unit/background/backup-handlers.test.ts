import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backupHandlers } from '../../../lib/background/backup-handlers';
import { exportHandlers } from '../../../lib/background/export-handlers';
import { importHandlers } from '../../../lib/background/import-handlers';
import { PendingImport } from '../../../lib/background/pending-import';
import {
  createResponder,
  forPages,
  type Data,
  type Request,
  type Respond,
} from '../../../lib/background/routes';
import type { BackupStatus } from '../../../lib/backup-protocol';
import type { Account } from '../../../lib/otp/types';
import { parseMigrationUri } from '../../../lib/otp/migration/parse';
import { IMPORT_LIMITS } from '../../../lib/otp/fields';
import { parseOtpauthUri } from '../../../lib/otp/uri';
import { pendingImportItem } from '../../../lib/storage';
import { bytesToBase64 } from '../../../lib/crypto/base64';
import { FAST_KDF, PASSWORD, sampleAccount, setup } from '../vault/helpers';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const PAGE = { id: ID, url: `chrome-extension://${ID}/manage.html` };
const BACKUP_PASSWORD = 'backup pass 2026';
const NOW = Date.UTC(2026, 3, 1, 3, 0, 0);

const ACCOUNTS = [
  sampleAccount({
    issuer: '電線工業健康保険組合',
    name: '山田 太郎',
    pinned: true,
    // Keycloak recovery codes saved with the account: a restore keeps them and their use.
    recoveryCodes: [
      { code: 'K7QX2MZP4RTA', used: true },
      { code: 'WN3BH8CJ5LDE', used: false },
    ],
  }),
  sampleAccount({
    issuer: 'HOTP',
    name: 'h',
    secret: 'MFRGGZDFMZTWQ2LK',
    type: 'hotp',
    counter: 7,
  }),
  sampleAccount({ issuer: 'Eight', name: 'e', secret: 'GEZDGNBVGY3TQOJQ', digits: 8 }),
  sampleAccount({ issuer: 'Seven', name: 's', secret: 'KRUGS4ZANFZSAYJA', digits: 7 }),
];

const bytesOf = (text: string) => bytesToBase64(new TextEncoder().encode(text));
const strip = ({ id: _i, updatedAt: _u, order: _o, ...data }: Account) => data;

describe('backup, import preview and commit, and export handlers', () => {
  let env: ReturnType<typeof setup>;
  let saved: BackupStatus[];
  let respond: Respond;
  const ask = async <K extends Request>(request: K, data: Data<K>) =>
    respond(request, { data, sender: PAGE });

  /** A fresh service worker on the same vault and session storage. */
  const start = () => {
    const pending = new PendingImport(pendingImportItem, crypto);
    const saveStatus = async (status: BackupStatus) => void saved.push(status);
    const handlers = {
      ...backupHandlers(env.vault, { crypto, now: () => NOW, saveStatus }),
      ...importHandlers(env.vault, { pending }),
      ...exportHandlers(env.vault, crypto),
    };
    respond = createResponder(forPages(handlers), {
      extensionId: ID,
      isAllowed: () => true,
      touch: () => env.vault.touch(),
    });
  };

  beforeEach(async () => {
    env = setup();
    // Empty `storage.session` (the pending file lives there, as in the extension).
    fakeBrowser.reset();
    saved = [];
    await env.vault.create(PASSWORD, { kdf: FAST_KDF });
    await env.vault.addAccounts(ACCOUNTS);
    start();
  });

  it('backs up, and restores every field in order after everything was deleted', async () => {
    const before = (await env.vault.listAccounts()).accounts.map(strip);
    const made = await ask('backup.create', {
      masterPassword: PASSWORD,
      password: BACKUP_PASSWORD,
    });
    if (!made.ok) throw new Error(made.error.key);
    expect(made.value.fileName).toMatch(/^pc-authenticator-backup-2026-04-0[12]\.json$/);
    expect(made.value.accountCount).toBe(4);
    expect(made.value.content).not.toContain('MFRGGZDFMZTWQ2LK');
    expect(made.value.content).not.toContain('WN3BH8CJ5LDE');
    expect(saved).toEqual([{ lastBackupAt: NOW, accountCount: 4 }]);

    for (const { id } of (await env.vault.listAccounts()).accounts)
      await env.vault.deleteAccount(id);
    const file = {
      source: {
        kind: 'file' as const,
        name: made.value.fileName,
        base64: bytesOf(made.value.content),
      },
    };
    await expect(ask('import.preview', file)).resolves.toMatchObject({
      ok: false,
      error: { key: 'error_backup_password_required' },
    });
    await expect(ask('import.preview', { ...file, password: 'wrong one!' })).resolves.toMatchObject(
      { ok: false, error: { key: 'error_backup_wrong_password' } },
    );
    const preview = await ask('import.preview', { ...file, password: BACKUP_PASSWORD });
    if (!preview.ok) throw new Error(preview.error.key);
    expect(preview.value.format).toBe('pc-authenticator');
    expect(preview.value.items.map((item) => item.status)).toEqual(['new', 'new', 'new', 'new']);
    expect((await env.vault.listAccounts()).accounts).toEqual([]);

    start(); // The service worker stopped while the user read the preview.
    const commit = await ask('import.commit', { token: preview.value.token });
    expect(commit).toMatchObject({ ok: true, value: { added: 4 } });
    expect((await env.vault.listAccounts()).accounts.map(strip)).toEqual(before);
    expect(before[0]?.recoveryCodes).toHaveLength(2);
    // The token is used up: a second commit adds nothing.
    await expect(ask('import.commit', { token: preview.value.token })).resolves.toMatchObject({
      ok: false,
      error: { key: 'error_import_expired' },
    });
  });

  it('adds only new and conflicting entries; a cancelled preview adds nothing', async () => {
    const text = [
      'otpauth://totp/HOTP:again?secret=MFRGGZDFMZTWQ2LK', // the same key: already there
      'otpauth://totp/Eight:e?secret=JBSWY3DPEHPK3PXQ', // the same name, another key
      'otpauth://totp/New:n?secret=ONSWG4TFOQYTEMZU',
    ].join('\n');
    const listFile = { source: { kind: 'file' as const, name: 'list.txt', base64: bytesOf(text) } };
    const preview = await ask('import.preview', listFile);
    if (!preview.ok) throw new Error(preview.error.key);
    expect(preview.value.items.map((i) => i.status)).toEqual(['existing', 'conflict', 'new']);
    await ask('import.cancel', { token: preview.value.token });
    await expect(ask('import.commit', { token: preview.value.token })).resolves.toMatchObject({
      ok: false,
    });
    expect((await env.vault.listAccounts()).accounts).toHaveLength(4);

    const again = await ask('import.preview', listFile);
    if (!again.ok) throw new Error(again.error.key);
    await expect(ask('import.commit', { token: again.value.token })).resolves.toMatchObject({
      ok: true,
      value: { added: 2 },
    });
    expect((await env.vault.listAccounts()).accounts).toHaveLength(6);
  });

  it('previews pasted text like a file, and adds it in one commit', async () => {
    const text = [
      'otpauth://totp/HOTP:again?secret=MFRGGZDFMZTWQ2LK', // the same key: already there
      'https://densenkenpo.portal.kosmo-web.jp/',
      'otpauth://totp/Ten:t?secret=ONSWG4TFOQYTEMZU&digits=10',
      'otpauth://totp/Bad:typo?secret=JBSW1Y3DPEHPK3PX',
    ].join('\n');
    const preview = await ask('import.preview', { source: { kind: 'text', text } });
    if (!preview.ok) throw new Error(preview.error.key);
    expect(preview.value.items.map((i) => i.status)).toEqual(['existing', 'new']);
    expect(preview.value.notes.map((n) => n.kind)).toEqual(['not-otp', 'invalid']);
    expect((await env.vault.listAccounts()).accounts).toHaveLength(4);

    const commit = await ask('import.commit', { token: preview.value.token });
    if (!commit.ok) throw new Error(commit.error.key);
    expect(commit.value.added).toBe(1);
    expect(commit.value.outcomes).toEqual([
      { kind: 'duplicate', title: 'HOTP (again)' },
      { kind: 'added', title: 'Ten (t)', warning: { key: 'warning_digits_unusual', subs: ['10'] } },
      { kind: 'not-otp' },
      { kind: 'invalid', error: { key: 'error_secret_confusable_char' } },
    ]);
    expect((await env.vault.listAccounts()).accounts).toHaveLength(5);
  });

  it('refuses a backup without or with a wrong master password, counting it like unlocking', async () => {
    for (const missing of [{}, { masterPassword: '' }]) {
      const data = { password: BACKUP_PASSWORD, ...missing } as Data<'backup.create'>;
      const reply = await ask('backup.create', data);
      expect(reply).toEqual({ ok: false, error: { key: 'error_backup_master_required' } });
    }
    const keys: string[] = [];
    for (let i = 0; i < 5; i++) {
      const data = { masterPassword: `not the master password ${i}`, password: BACKUP_PASSWORD };
      const reply = await ask('backup.create', data);
      if (!reply.ok) keys.push(reply.error.key);
    }
    expect(keys).toEqual([...Array(4).fill('error_wrong_password'), 'error_wrong_password_wait']);
    // The same growing delay as unlocking: the right password must wait now.
    const refused = await ask('backup.create', {
      masterPassword: PASSWORD,
      password: BACKUP_PASSWORD,
    });
    expect(refused).toMatchObject({ ok: false, error: { key: 'error_too_many_attempts' } });
    expect(saved).toEqual([]);
  });

  it('refuses a short backup password and files it cannot read, changing nothing', async () => {
    await expect(
      ask('backup.create', { masterPassword: PASSWORD, password: 'short' }),
    ).resolves.toMatchObject({
      ok: false,
      error: { key: 'error_password_too_short' },
    });
    const base64 = bytesToBase64(new Uint8Array([0x25, 0x50, 0, 1]));
    const pdf = { source: { kind: 'file' as const, name: 'manual.pdf', base64 } };
    await expect(ask('import.preview', pdf)).resolves.toMatchObject({
      ok: false,
      error: { key: 'error_backup_unsupported_format' },
    });
    expect(saved).toEqual([]);
    expect((await env.vault.listAccounts()).accounts).toHaveLength(4);
  });

  it('exports only after the master password: URIs, and Google batches without 7 digits', async () => {
    await expect(ask('export.open', { password: 'not the password' })).resolves.toMatchObject({
      ok: false,
      error: { key: 'error_wrong_password' },
    });
    const opened = await ask('export.open', { password: PASSWORD });
    if (!opened.ok) throw new Error(opened.error.key);
    const { accounts, migration, excluded } = opened.value;
    const { accounts: stored } = await env.vault.listAccounts();
    expect(accounts.map((a) => parseOtpauthUri(a.uri, IMPORT_LIMITS))).toEqual(
      stored.map(({ issuer, name, secret, type, algorithm, digits, period, counter }) => ({
        ...{ issuer, name, secret, type, algorithm, digits, period, counter, sites: [] },
      })),
    );
    expect(excluded).toEqual([{ title: 'Seven (s)', reason: 'digits' }]);
    expect(migration).toHaveLength(1);
    expect(parseMigrationUri(migration[0]!).accounts.map((a) => a.issuer)).toEqual([
      '電線工業健康保険組合',
      'HOTP',
      'Eight',
    ]);
  });

  it("exports each account's unused recovery codes with their numbers, for the emergency kit", async () => {
    const [first] = (await env.vault.listAccounts()).accounts;
    const recoveryCodes = ['AAAA1111', 'BBBB2222', 'CCCC3333'].map((code, i) => ({
      code,
      used: i === 0,
    }));
    await env.vault.updateAccount(first!.id, { recoveryCodes });
    const opened = await ask('export.open', { password: PASSWORD });
    if (!opened.ok) throw new Error(opened.error.key);
    expect(opened.value.accounts.map((a) => a.recoveryCodes)).toEqual([
      [
        { number: 2, code: 'BBBB2222' },
        { number: 3, code: 'CCCC3333' },
      ],
      [],
      [],
      [],
    ]);
  });
});
