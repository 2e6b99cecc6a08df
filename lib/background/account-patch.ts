import type { MessageKey } from '../i18n';
import type { AccountPatch } from '../messaging';
import { SITES_MAX } from '../account-bindings';
import { isHttpSite, strictOrigin } from '../site-origin';
import { InputError } from './errors';

/** Longest issuer or account name, as for an added account. */
const TEXT_MAX = 256;

/**
 * Checks what the manage page sends for one account and returns a clean patch: names trimmed and
 * at most {@link TEXT_MAX} characters, sites exact origins without repeats. Any other field
 * (a secret, digits…) is not taken. Throws an {@link InputError} naming what to fix.
 */
export function checkAccountPatch(value: unknown): AccountPatch {
  if (typeof value !== 'object' || value === null) throw new InputError('error_unexpected');
  const raw = value as Record<string, unknown>;
  const patch: AccountPatch = {};
  if (raw.issuer !== undefined) patch.issuer = text(raw.issuer, 'error_issuer_too_long');
  if (raw.name !== undefined) patch.name = text(raw.name, 'error_name_too_long');
  if (raw.sites !== undefined) patch.sites = sites(raw.sites);
  if (raw.pinned !== undefined) {
    if (typeof raw.pinned !== 'boolean') throw new InputError('error_unexpected');
    patch.pinned = raw.pinned;
  }
  return patch;
}

function text(value: unknown, tooLong: MessageKey): string {
  if (typeof value !== 'string') throw new InputError('error_unexpected');
  const trimmed = value.trim();
  if ([...trimmed].length > TEXT_MAX) throw new InputError(tooLong);
  return trimmed;
}

function sites(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > SITES_MAX) throw new InputError('error_unexpected');
  const origins: string[] = [];
  for (const site of value) {
    const origin = strictOrigin(site);
    if (!origin) {
      const shown = typeof site === 'string' ? site.slice(0, 100) : '';
      throw new InputError(isHttpSite(site) ? 'error_site_http' : 'error_site_invalid', [shown]);
    }
    if (!origins.includes(origin)) origins.push(origin);
  }
  return origins;
}
