import { execFileSync } from 'node:child_process';

/**
 * The TOTP code at `atMs` from `oathtool`, an implementation independent of the extension's
 * (default 30 s, 6 digits, SHA1 — the KOSMO policy).
 */
export function oathtoolTotp(base32: string, atMs = Date.now(), period = 30): string {
  return execFileSync(
    'oathtool',
    [
      '--totp',
      '-b',
      `--time-step-size=${period}s`,
      `--now=@${Math.floor(atMs / 1000)}`,
      base32.replace(/\s/g, ''),
    ],
    { encoding: 'utf8' },
  ).trim();
}

/**
 * The codes of the step holding `atMs` and of the one before: a code filled a moment ago is one
 * of them, even when a slow unlock let a step edge pass between the fill and the check.
 */
export function recentTotps(base32: string, atMs = Date.now(), period = 30): string[] {
  return [oathtoolTotp(base32, atMs, period), oathtoolTotp(base32, atMs - period * 1000, period)];
}

/**
 * Waits until at least `seconds` remain in the current 30 s step, so a read stays in it.
 * `skewMs` moves the clock whose steps count (a server running ahead has its own edges).
 */
export async function awayFromStepEdge(seconds = 6, skewMs = 0): Promise<void> {
  const left = 30 - (Math.floor((Date.now() + skewMs) / 1000) % 30);
  if (left < seconds) await new Promise((r) => setTimeout(r, left * 1000 + 200));
}

/**
 * Waits until the `period` s step holding `atMs` is over. Keycloak refuses a code of a step
 * already used, and so the extension never fills one: a login right after a submit of the same
 * account waits for the next step, as a user would.
 */
export async function afterStepOf(atMs: number, period = 30): Promise<void> {
  const ends = (Math.floor(atMs / 1000 / period) + 1) * period * 1000;
  if (ends > Date.now()) await new Promise((r) => setTimeout(r, ends - Date.now() + 300));
}

/** The HOTP code for `counter` from `oathtool`. */
export function oathtoolHotp(base32: string, counter: number): string {
  return execFileSync('oathtool', ['--hotp', '-b', '-c', `${counter}`, base32], {
    encoding: 'utf8',
  }).trim();
}
