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

/** `import("x")` specifiers: chunks loaded later. */
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

/**
 * Every JS file a page loads: its scripts and preloads, their static imports, then the chunks
 * its dynamic imports load (the popup loads its app that way, after the first paint) — all
 * counted: the popup always loads them.
 */
export async function pageScripts(
  root: string,
  page: string,
): Promise<{ files: (FileSize & { lazy: boolean })[] }> {
  const html = await readFile(join(root, page), 'utf8');
  const queue = htmlScripts(html).map((path) => ({ path, lazy: false }));
  const seen = new Set<string>();
  const files: (FileSize & { lazy: boolean })[] = [];
  while (queue.length > 0) {
    // Up-front files first, so a file both preloaded and imported lazily counts as up front.
    const index = Math.max(
      0,
      queue.findIndex((entry) => !entry.lazy),
    );
    const [{ path, lazy }] = queue.splice(index, 1) as [{ path: string; lazy: boolean }];
    if (seen.has(path)) continue;
    seen.add(path);
    const { code, ...size } = await sizeOf(root, path);
    files.push({ ...size, lazy });
    const dir = posix.dirname(path);
    const resolve = (spec: string) =>
      posix.normalize(posix.join(spec.startsWith('/') ? '' : dir, spec.replace(/^\//, '')));
    for (const spec of staticImports(code))
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push({ path: resolve(spec), lazy });
    for (const spec of dynamicImports(code))
      if (spec.startsWith('.') || spec.startsWith('/'))
        queue.push({ path: resolve(spec), lazy: true });
  }
  return { files };
}

export const bundleSize: BenchSection = {
  title: 'popup JS size (popup.html: scripts, preloads, static and dynamic imports)',
  async run(ctx) {
    const { files } = await pageScripts(ctx.extensionDir, 'popup.html');
    const raw = files.reduce((sum, f) => sum + f.raw, 0);
    const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
    const first = files.filter((f) => !f.lazy).reduce((sum, f) => sum + f.gzip, 0);
    const rows = files.map((f) => [`${f.path}${f.lazy ? ' (after)' : ''}`, kb(f.raw), kb(f.gzip)]);
    rows.push(['before the first paint (gzip)', '', kb(first)]);
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
          '(after) = loaded by a dynamic import once the first paint is drawn; counted too.',
        ],
      },
    ];
  },
};
