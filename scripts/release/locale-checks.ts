import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCALES = ['ja', 'en'] as const;
export type Messages = Record<string, { message: string }>;

/** Top-level keys as written, so a key given twice (JSON.parse keeps only one) is caught. */
function writtenKeys(text: string): string[] {
  return [...text.matchAll(/^ {2}"([^"]+)":/gm)].map((m) => m[1] ?? '');
}

const substitutions = (message: string) =>
  [...new Set(message.match(/\$\d/g) ?? [])].sort().join(',');

/** Reads `_locales/{ja,en}/messages.json` and lists what is missing, empty, doubled or uneven. */
export async function checkLocales(
  dir: string,
): Promise<{ problems: string[]; messages: Map<string, Messages> }> {
  const problems: string[] = [];
  const messages = new Map<string, Messages>();
  for (const lang of LOCALES) {
    const text = await readFile(join(dir, '_locales', lang, 'messages.json'), 'utf8').catch(
      () => null,
    );
    if (text === null) {
      problems.push(`_locales/${lang}/messages.json is missing`);
      continue;
    }
    const parsed = JSON.parse(text) as Messages;
    messages.set(lang, parsed);
    const keys = writtenKeys(text);
    const doubled = keys.filter((key, i) => keys.indexOf(key) !== i);
    if (doubled.length) problems.push(`${lang}: keys given twice: ${doubled.join(', ')}`);
    for (const [key, { message }] of Object.entries(parsed)) {
      if (!message.trim()) problems.push(`${lang}: ${key} is empty`);
    }
  }
  const [ja, en] = LOCALES.map((lang) => messages.get(lang) ?? {});
  if (ja && en) {
    const only = (a: Messages, b: Messages) => Object.keys(a).filter((k) => !(k in b));
    if (only(ja, en).length) problems.push(`only in ja: ${only(ja, en).join(', ')}`);
    if (only(en, ja).length) problems.push(`only in en: ${only(en, ja).join(', ')}`);
    for (const [key, entry] of Object.entries(ja)) {
      const other = en[key];
      if (other && substitutions(entry.message) !== substitutions(other.message)) {
        problems.push(`${key}: ja and en use different $1…$9`);
      }
    }
  }
  return { problems, messages };
}
