import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './browser';

/**
 * A copy of the build whose manifest requires optional permissions up front: the state after
 * the user allowed them. The browser's own permission prompt can't be answered by automation.
 */
export async function buildWithGranted(permissions: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pca-granted-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    permissions?: string[];
    optional_permissions?: string[];
  };
  manifest.permissions = [...(manifest.permissions ?? []), ...permissions];
  manifest.optional_permissions = (manifest.optional_permissions ?? []).filter(
    (p) => !permissions.includes(p),
  );
  await writeFile(manifestPath, JSON.stringify(manifest));
  return dir;
}
