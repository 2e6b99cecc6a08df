import type { BrowserContext, Page } from 'playwright-core';
import {
  startKosmoServer,
  type KosmoServer,
  type KosmoServerOptions,
} from '../../fixtures/kosmo/server.mjs';
import { KOSMO_ORIGIN, routeKosmo } from '../../fixtures/kosmo/route.mjs';

export { KOSMO_ORIGIN };

/**
 * Starts the KOSMO replica; `attach` serves it at the real origin inside a browser context (or at
 * another origin, e.g. a lookalike host, to prove the extension ignores it).
 */
export async function startReplica(options: KosmoServerOptions = {}) {
  const server: KosmoServer = await startKosmoServer(options);
  return {
    server,
    attach: (context: BrowserContext, origin?: string) =>
      routeKosmo(context, server.url, origin ? { origin } : {}),
  };
}

/** The replica's pages, driven by Keycloak's ids (never by text). */
export class KosmoSite {
  constructor(readonly page: Page) {}

  static async open(
    context: BrowserContext,
    theme: 'v1' | 'v2' = 'v1',
    extra = '',
    origin: string = KOSMO_ORIGIN,
  ): Promise<KosmoSite> {
    const page = await context.newPage();
    await page.goto(
      `${origin}/realms/densenkenpo/protocol/openid-connect/auth?client_id=kosmo-web&theme=${theme}${extra}`,
    );
    return new KosmoSite(page);
  }

  async login(username: string, password = 'password'): Promise<void> {
    await this.page.locator('#username').fill(username);
    await this.page.locator('#password').fill(password);
    await this.page.locator('#kc-login').click();
    await this.page.waitForLoadState();
  }

  /** Switches the setup page to manual mode and returns the key exactly as Keycloak shows it. */
  async manualKey(): Promise<string> {
    await this.page.locator('#mode-manual').click();
    return (await this.page.locator('#kc-totp-secret-key').innerText()).trim();
  }

  async submitSetup(code: string, deviceName: string): Promise<void> {
    await this.page.locator('#totp').fill(code);
    await this.page.locator('#userLabel').fill(deviceName);
    await this.page.locator('#saveTOTPBtn').click();
    await this.page.waitForLoadState();
  }

  async submitOtp(code: string): Promise<void> {
    await this.page.locator('#otp').fill(code);
    await this.page.locator('#kc-login').click();
    await this.page.waitForLoadState();
  }

  signedIn() {
    return this.page.locator('#signed-in');
  }
}

/** A replica test hook (`/__test/*`), called from Node. */
export async function replicaHook<T = unknown>(
  serverUrl: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(new URL(path, serverUrl), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

interface ReplicaState {
  sessions: { username: string | null; totpSecretBase32: string | null; createdAt: string }[];
}

/** The Base32 key of the setup page the user sees now (the newest login session's secret). */
export async function setupKeyOf(serverUrl: string, username: string): Promise<string> {
  const state = await replicaHook<ReplicaState>(serverUrl, '/__test/state');
  const mine = state.sessions
    .filter((s) => s.username === username && s.totpSecretBase32)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const key = mine.at(-1)?.totpSecretBase32;
  if (!key) throw new Error(`no setup secret for ${username}`);
  return key;
}
