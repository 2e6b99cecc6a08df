import { describe, expect, it } from 'vitest';
import { classifyAgainst, commitImport } from '../../../lib/background/import-commit';
import { toAdd } from '../../../lib/import/classify';
import type { AccountData } from '../../../lib/otp/types';
import type { Vault } from '../../../lib/vault/vault';
import { sampleAccount, unlockedVault } from '../vault/helpers';

const classifyImport = (vault: Vault, accounts: AccountData[]) =>
  classifyAgainst(vault, { format: 'test', accounts, skipped: [] });

const STORED = sampleAccount({ issuer: 'KOSMO', name: 'taro', secret: 'JBSWY3DPEHPK3PXP' });

describe('the import preview: new, already there, or same name with another key', () => {
  it('classifies each entry against the stored accounts', async () => {
    const { vault } = await unlockedVault();
    await vault.addAccount(STORED);
    const entries = await classifyImport(vault, [
      sampleAccount({ issuer: 'Other', name: 'hanako', secret: 'MFRGGZDFMZTWQ2LK' }),
      // The same key, even written in lower case with spaces and another name: already there.
      sampleAccount({ issuer: 'Renamed', name: 'x', secret: 'jbsw y3dp ehpk 3pxp' }),
      // The same issuer and name with another key: a conflict, kept beside the stored one.
      sampleAccount({ issuer: 'KOSMO', name: 'taro', secret: 'GEZDGNBVGY3TQOJQ' }),
    ]);
    expect(entries.map((e) => [e.title, e.status])).toEqual([
      ['Other (hanako)', 'new'],
      ['Renamed (x)', 'existing'],
      ['KOSMO (taro)', 'conflict'],
    ]);
    expect(toAdd(entries).map((a) => a.secret)).toEqual(['MFRGGZDFMZTWQ2LK', 'GEZDGNBVGY3TQOJQ']);
  });

  it('counts entries earlier in the same file, so a file never adds one key twice', async () => {
    const { vault } = await unlockedVault();
    const twice = sampleAccount({ issuer: 'A', name: 'a', secret: 'MFRGGZDFMZTWQ2LK' });
    const sameName = sampleAccount({ issuer: 'A', name: 'a', secret: 'GEZDGNBVGY3TQOJQ' });
    const entries = await classifyImport(vault, [twice, twice, sameName]);
    expect(entries.map((e) => e.status)).toEqual(['new', 'existing', 'conflict']);
  });

  it('compares names after NFC and trimming, and names an untitled entry', async () => {
    const { vault } = await unlockedVault();
    await vault.addAccount(sampleAccount({ issuer: 'ガ', name: 'me', secret: 'MFRGGZDFMZTWQ2LK' }));
    const entries = await classifyImport(vault, [
      sampleAccount({ issuer: ' カ\u3099 ', name: 'me', secret: 'GEZDGNBVGY3TQOJQ' }),
      sampleAccount({ issuer: '', name: '', secret: 'JBSWY3DPEHPK3PXP' }),
    ]);
    expect(entries.map((e) => e.status)).toEqual(['conflict', 'new']);
    expect(entries[1]!.title).toBe('—');
  });

  it('needs the vault unlocked', async () => {
    const { vault } = await unlockedVault();
    await vault.lock();
    await expect(classifyImport(vault, [STORED])).rejects.toMatchObject({ code: 'locked' });
  });
});

describe('the one commit of every import', () => {
  const PAGE = 'https://densenkenpo.portal.kosmo-web.jp';

  it('adds new and conflicting entries at once, and tells what became of each', async () => {
    const { vault } = await unlockedVault();
    await vault.addAccount(STORED);
    const committed = await commitImport(vault, {
      format: 'test',
      accounts: [
        sampleAccount({ issuer: 'KOSMO', name: 'taro', secret: 'JBSWY3DPEHPK3PXP' }),
        sampleAccount({ issuer: 'KOSMO', name: 'taro', secret: 'GEZDGNBVGY3TQOJQ' }),
        sampleAccount({ issuer: 'Ten', name: 't', secret: 'MFRGGZDFMZTWQ2LK', digits: 10 }),
      ],
      skipped: [{ title: 'Steam', reason: 'import_skipped_unsupported_type' }],
      notes: [
        { kind: 'not-otp' },
        { kind: 'invalid', error: { key: 'error_secret_invalid_char' } },
      ],
    });
    expect(committed.added.map((a) => a.secret)).toEqual(['GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK']);
    expect(committed.outcomes).toEqual([
      { kind: 'duplicate', title: 'KOSMO (taro)' },
      { kind: 'added', title: 'KOSMO (taro)', warning: { key: 'import_conflict_added' } },
      { kind: 'added', title: 'Ten (t)', warning: { key: 'warning_digits_unusual', subs: ['10'] } },
      { kind: 'skipped', title: 'Steam', error: { key: 'import_skipped_unsupported_type' } },
      { kind: 'not-otp' },
      { kind: 'invalid', error: { key: 'error_secret_invalid_char' } },
    ]);
    expect((await vault.listAccounts()).accounts).toHaveLength(3);
  });

  it('binds the setup page to the account it adds, or to the one already there', async () => {
    const { vault } = await unlockedVault();
    await vault.addAccount(STORED);
    const again = await commitImport(
      vault,
      { format: 'setup-page', accounts: [STORED], skipped: [] },
      PAGE,
    );
    expect(again.added).toEqual([]);
    expect((await vault.findBySecret(STORED.secret))?.sites).toEqual([PAGE]);
    const other = sampleAccount({ issuer: 'Other', name: 'o', secret: 'MFRGGZDFMZTWQ2LK' });
    const added = await commitImport(
      vault,
      { format: 'setup-page', accounts: [other], skipped: [] },
      PAGE,
    );
    expect(added.added.map((a) => a.sites)).toEqual([[PAGE]]);
  });

  it('trusts only the site the setup page was clicked on, never what a file says', async () => {
    const { vault } = await unlockedVault();
    const fromFile = {
      ...sampleAccount({ issuer: 'File', name: 'f', secret: 'MFRGGZDFMZTWQ2LK' }),
      sites: ['https://evil.kosmo-web.jp'],
      trustedSites: ['https://evil.kosmo-web.jp'],
    };
    const imported = await commitImport(vault, {
      format: 'test',
      accounts: [fromFile],
      skipped: [],
    });
    expect(imported.added[0]?.sites).toEqual(['https://evil.kosmo-web.jp']);
    expect(imported.added[0]?.trustedSites).toBeUndefined();

    const enrolled = await commitImport(
      vault,
      { format: 'setup-page', accounts: [STORED], skipped: [] },
      PAGE,
    );
    expect(enrolled.added[0]).toMatchObject({ sites: [PAGE], trustedSites: [PAGE] });
    // Enrolling again from the page where the file's account is used makes that page trusted.
    await commitImport(vault, { format: 'setup-page', accounts: [fromFile], skipped: [] }, PAGE);
    expect(await vault.findBySecret(fromFile.secret)).toMatchObject({
      sites: ['https://evil.kosmo-web.jp', PAGE],
      trustedSites: [PAGE],
    });
  });
});
