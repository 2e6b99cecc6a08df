import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchSection } from './context';
import { kb } from './report';

const GOAL_KB = 45;

/** `<script src>` and `<link rel=modulepreload href>` of an HTML page, as extension-root paths. */
export function htmlScripts(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    const isPreload = /\brel\s*=\s*["']?modulepreload\b/i.test(tag);
    if (!isScript && !isPreload) continue;
    const src = /\b(?:src|href)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (src) found.push(posix.normalize(src.replace(/^\.?\//, '')));
  }
  return found;
}

/** Static `import … from "x"`, `import "x"` and `export … from "x"` specifiers of a chunk. */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const re = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const match of code.matchAll(re)) found.push(match[1]!);
  return found;
}

/** `import("x")` specifiers: lazy chunks, listed but not counted. */
export function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
}

interface FileSize {
  path: string;
  raw: number;
  gzip: number;
}

async function sizeOf(root: string, path: string): Promise<FileSize & { code: string }> {
  const buffer = await readFile(join(root, path));
  return { path, raw: buffer.length, gzip: gzipSync(buffer).length, code: buffer.toString('utf8') };
}

/** Every JS file a page loads up front: its scripts and preloads, then their static imports. */
export async function pageScripts(
  root: string,
  page: string,
): Promise<{ files: FileSize[]; lazy: string[] }> {
  const html = await readFile(join(root, page), 'utf8');
  const queue = htmlScripts(html);
  const seen = new Set<string>();
  const files: FileSize[] = [];
  const lazy = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const { code, ...size } = await sizeOf(root, path);
    files.push(size);
    const dir = posix.dirname(path);
    const resolve = (spec: string) =>
      posix.normalize(posix.join(spec.startsWith('/') ? '' : dir, spec.replace(/^\//, '')));
    for (const spec of staticImports(code))
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push(resolve(spec));
    for (const spec of dynamicImports(code))
      if (spec.startsWith('.') || spec.startsWith('/')) lazy.add(resolve(spec));
  }
  for (const path of seen) lazy.delete(path);
  return { files, lazy: [...lazy] };
}

export const bundleSize: BenchSection = {
  title: 'popup JS size (popup.html: scripts + modulepreloads + static imports)',
  async run(ctx) {
    const { files, lazy } = await pageScripts(ctx.extensionDir, 'popup.html');
    const raw = files.reduce((sum, f) => sum + f.raw, 0);
    const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
    const rows = files.map((f) => [f.path, kb(f.raw), kb(f.gzip)]);
    rows.push(['total', kb(raw), kb(gzip)]);
    ctx.goals.push({
      measure: 'popup JS, gzip',
      now: kb(gzip),
      goal: `≤ ${GOAL_KB} KB`,
      met: gzip / 1024 <= GOAL_KB,
    });
    return [
      {
        title: this.title,
        headers: ['file', 'raw', 'gzip'],
        rows,
        notes: [
          `goal: total gzip ≤ ${GOAL_KB} KB → ${gzip / 1024 <= GOAL_KB ? 'met' : 'not met'} (${kb(gzip)})`,
          'gzip = node:zlib gzipSync, default level 6, each file on its own; CSS not counted.',
          lazy.length > 0
            ? `lazy chunks (dynamic import, not counted): ${lazy.join(', ')}`
            : 'no lazy chunks (no dynamic imports).',
        ],
      },
    ];
  },
};
