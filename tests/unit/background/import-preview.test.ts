import { describe, expect, it } from 'vitest';
import { classifyImport, toAdd } from '../../../lib/background/import-preview';
import { sampleAccount, unlockedVault } from '../vault/helpers';

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
