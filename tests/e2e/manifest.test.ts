import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[] }[];
}

const KOSMO = 'https://*.kosmo-web.jp/*';

/** The built extension as the store gets it: what it asks for at install is all it may touch. */
async function builtManifest(): Promise<{ text: string; manifest: Manifest }> {
  const text = await readFile(
    new URL('../../.output/chrome-mv3/manifest.json', import.meta.url),
    'utf8',
  );
  return { text, manifest: JSON.parse(text) as Manifest };
}

describe('the built manifest', () => {
  it('asks for KOSMO Web only; other sites one at a time, when the user allows them', async () => {
    const { text, manifest } = await builtManifest();
    expect(manifest.host_permissions).toEqual([KOSMO]);
    expect(manifest.optional_host_permissions ?? []).toEqual(['https://*/*']);
    for (const script of manifest.content_scripts ?? []) expect(script.matches).toEqual([KOSMO]);
    // The run-time registered script (allowed sites) adds no placeholder match or permission.
    expect(text).not.toContain('example.invalid');
  });

  it('asks at install for nothing that reads what the user copied', async () => {
    const { manifest } = await builtManifest();
    expect([...(manifest.permissions ?? [])].sort()).toEqual(
      [
        'activeTab',
        'alarms',
        'clipboardWrite',
        'contextMenus',
        'idle',
        'offscreen',
        'scripting',
        'storage',
      ].sort(),
    );
    // Asked from the settings only, for clearing a copied code safely.
    expect(manifest.optional_permissions).toEqual(['clipboardRead']);
  });

  it('ships the script that allowed sites get at run time', async () => {
    const bundle = await readFile(
      new URL('../../.output/chrome-mv3/content-scripts/sites.js', import.meta.url),
      'utf8',
    );
    expect(bundle.length).toBeGreaterThan(0);
  });
});
