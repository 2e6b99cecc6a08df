import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file of a browser profile that contains any of `needles`, as UTF-8, UTF-16LE (how
 * V8/LevelDB may store strings) or Latin-1. Returns `file: needle-name` lines, empty if clean.
 */
export async function findInProfile(
  dir: string,
  needles: Record<string, string>,
): Promise<string[]> {
  const patterns = Object.entries(needles).flatMap(([name, text]) =>
    ['utf8', 'utf16le', 'latin1'].map((enc) => ({
      name,
      bytes: Buffer.from(text, enc as BufferEncoding),
    })),
  );
  const hits: string[] = [];
  for (const file of await listFiles(dir)) {
    const content = await readFile(file).catch(() => null);
    if (!content) continue;
    for (const { name, bytes } of patterns) {
      if (content.includes(bytes)) hits.push(`${file.slice(dir.length)}: ${name}`);
    }
  }
  return [...new Set(hits)];
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return nested.flat();
}
