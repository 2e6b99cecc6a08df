import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Messages } from './locale-checks';
import { pngSize } from './png-size';

interface Manifest {
  manifest_version?: number;
  name?: string;
  description?: string;
  version?: string;
  default_locale?: string;
  icons?: Record<string, string>;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_security_policy?: { extension_pages?: string };
}

/** Store limits: Chrome Web Store and Edge Add-ons show at most these many characters. */
const NAME_MAX = 75;
const DESCRIPTION_MAX = 132;
const ICON_SIZES = ['16', '32', '48', '128'];

/** `__MSG_key__` → the text in one locale (undefined when the key is missing). */
const resolve = (value: string | undefined, messages: Messages) => {
  const key = /^__MSG_(\w+)__$/.exec(value ?? '')?.[1];
  return key ? messages[key]?.message : value;
};

/** The manifest's fields, limits, permissions and icons as the stores check them. */
export async function checkManifest(
  dir: string,
  version: string,
  locales: Map<string, Messages>,
): Promise<string[]> {
  const problems: string[] = [];
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.manifest_version !== 3) problems.push('manifest_version is not 3');
  if (manifest.version !== version) {
    problems.push(`version ${manifest.version} is not package.json's ${version}`);
  }
  if (manifest.default_locale !== 'ja') problems.push('default_locale is not ja');
  for (const [lang, messages] of locales) {
    const name = resolve(manifest.name, messages);
    const description = resolve(manifest.description, messages);
    if (!name || name.length > NAME_MAX) problems.push(`${lang}: name missing or too long`);
    if (!description || description.length > DESCRIPTION_MAX) {
      problems.push(`${lang}: description missing or over ${DESCRIPTION_MAX} characters`);
    }
  }
  for (const size of ICON_SIZES) {
    const path = manifest.icons?.[size];
    const bytes = path ? await readFile(join(dir, path)).catch(() => null) : null;
    const real = bytes && pngSize(bytes);
    if (!real || real.width !== Number(size) || real.height !== Number(size)) {
      problems.push(`icon ${size}: missing, not a PNG, or not ${size}×${size}`);
    }
  }
  if (manifest.permissions?.includes('clipboardRead')) {
    problems.push('clipboardRead must stay optional (asked from the settings)');
  }
  if (JSON.stringify(manifest.host_permissions) !== '["https://*.kosmo-web.jp/*"]') {
    problems.push(`host_permissions other than KOSMO Web: ${String(manifest.host_permissions)}`);
  }
  if (/https?:/.test(manifest.content_security_policy?.extension_pages ?? '')) {
    problems.push('the content security policy allows a remote source');
  }
  return problems;
}
