import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ALLOWED_MANIFEST_PATTERNS, disallowedUrls } from './allowed-urls';

const TEXT = /\.(js|mjs|html|css|json|txt|svg)$/;
/** Far below the stores' limits: a bigger zip means something was bundled by mistake. */
const ZIP_MAX_BYTES = 4 * 1024 * 1024;

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** No source maps, no remote URL outside the allow-list, and a zip of a sane size. */
export async function checkFiles(dir: string, zipPath: string): Promise<string[]> {
  const problems: string[] = [];
  for (const path of await files(dir)) {
    const name = relative(dir, path);
    if (name.endsWith('.map')) problems.push(`source map shipped: ${name}`);
    if (!TEXT.test(name)) continue;
    const text = await readFile(path, 'utf8');
    if (/[#@] sourceMappingURL=/.test(text)) problems.push(`source map reference in ${name}`);
    const extra = name === 'manifest.json' ? ALLOWED_MANIFEST_PATTERNS : [];
    for (const url of new Set(disallowedUrls(text, extra))) {
      problems.push(`remote URL not allowed in ${name}: ${url}`);
    }
  }
  const { size } = await stat(zipPath);
  if (size > ZIP_MAX_BYTES) problems.push(`zip is ${size} bytes (over ${ZIP_MAX_BYTES})`);
  return problems;
}
