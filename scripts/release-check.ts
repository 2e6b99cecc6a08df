/**
 * `npm run release:check`: validates the store zips that `npm run zip` made, as reviewers and
 * the stores' upload checks would: manifest fields and limits, icons, ja/en locales, no source
 * maps, no remote URL outside the allow-list, and that each zip loads and its popup opens.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkFiles } from './release/file-checks';
import { checkLoads } from './release/load-check';
import { checkLocales } from './release/locale-checks';
import { checkManifest } from './release/manifest-checks';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

let failed = false;
for (const browserName of ['chrome', 'edge']) {
  const zip = join(root, '.output', `${pkg.name}-${pkg.version}-${browserName}.zip`);
  const dir = await mkdtemp(join(tmpdir(), `pca-release-${browserName}-`));
  try {
    execFileSync('unzip', ['-q', zip, '-d', dir]);
    const { problems, messages } = await checkLocales(dir);
    problems.push(...(await checkManifest(dir, pkg.version, messages)));
    problems.push(...(await checkFiles(dir, zip)));
    if (problems.length === 0) problems.push(...(await checkLoads(dir)));
    failed ||= problems.length > 0;
    console.log(problems.length ? `✗ ${zip}` : `✓ ${zip}`);
    for (const problem of problems) console.log(`  - ${problem}`);
  } catch (error) {
    failed = true;
    console.log(`✗ ${zip}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
