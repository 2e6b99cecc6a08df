// A cookie-keeping HTTP client and tiny HTML helpers for the KOSMO replica's unit tests.
import { execFileSync } from 'node:child_process';

export interface Page {
  status: number;
  html: string;
  headers: Headers;
}

export class KosmoClient {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly extraHeaders: Record<string, string> = {},
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Page> {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.extraHeaders)) headers.set(k, v);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await fetch(new URL(path, this.base), { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return { status: res.status, html: await res.text(), headers: res.headers };
  }

  get(path: string): Promise<Page> {
    return this.request(path);
  }

  post(path: string, form: Record<string, string>): Promise<Page> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** Starts a login (new tab) and signs in with the password. */
  async login(username: string, query = ''): Promise<Page> {
    const page = await this.get(`/realms/densenkenpo/protocol/openid-connect/auth?${query}`);
    return this.post(formAction(page.html, 'kc-form-login'), { username, password: 'password' });
  }
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The start tag of the element with this id, or null. */
export function tagById(html: string, id: string): string | null {
  const m = new RegExp(`<[a-zA-Z]+\\b[^>]*\\sid="${id}"[^>]*>`).exec(html);
  return m ? m[0] : null;
}

/** An attribute of a start tag (decoded), '' for a bare attribute, null when absent. */
export function attr(tag: string | null, name: string): string | null {
  if (!tag) return null;
  const m = new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s>/])`).exec(tag);
  if (!m) return null;
  return decodeEntities(m[1] ?? '');
}

/** The tag name of a start tag. */
export function tagName(tag: string | null): string | null {
  return tag ? (/^<([a-zA-Z]+)/.exec(tag)?.[1]?.toLowerCase() ?? null) : null;
}

/** Text content of the element with this id (tags stripped, white space collapsed). */
export function textById(html: string, id: string): string | null {
  const m = new RegExp(`<([a-zA-Z]+)\\b[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</\\1\\s*>`).exec(html);
  if (!m) return null;
  return decodeEntities((m[2] ?? '').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

export function formAction(html: string, formId: string): string {
  const action = attr(tagById(html, formId), 'action');
  if (!action) throw new Error(`no form#${formId} with an action`);
  return action;
}

/** A code from oathtool, an implementation independent of the replica's. */
export function oathtool(args: string[]): string {
  return execFileSync('oathtool', args, { encoding: 'utf8' }).trim();
}
