import type { OtpAlgorithm, OtpType } from '../otp/types';

/** The Keycloak policy list shown beside the key in manual mode. */
export interface PagePolicy {
  type: OtpType;
  algorithm?: OtpAlgorithm;
  digits?: number;
  period?: number;
  counter?: number;
}

/** What the OTP setup page offers right now: the QR image or the key, and where to put the button. */
export type SetupSource =
  | { kind: 'qr'; dataUrl: string; anchor: Element }
  | { kind: 'key'; key: string; policy: PagePolicy; anchor: Element };

/**
 * Reads Keycloak's OTP setup page (`login-config-totp.ftl`) by its ids, never by its text, which
 * the portal translates. `null` when this is not the setup page or it has neither QR nor key.
 * @see ../../../shared/keycloak-pages.md (OTP setup page)
 */
export function readSetupPage(root: ParentNode): SetupSource | null {
  if (!root.querySelector('form#kc-totp-settings-form')) return null;
  const key = root.querySelector('#kc-totp-secret-key');
  if (key?.textContent?.trim()) {
    return { kind: 'key', key: key.textContent.trim(), policy: readPolicy(root), anchor: key };
  }
  const qr = root.querySelector<HTMLImageElement>('img#kc-totp-secret-qr-code');
  const src = qr?.getAttribute('src')?.replace(/^(data:[^,]*,)\s+/, '$1');
  if (qr && src?.startsWith('data:image/')) return { kind: 'qr', dataUrl: src, anchor: qr };
  return null;
}

function readPolicy(root: ParentNode): PagePolicy {
  const text = (id: string) => root.querySelector(`#${id}`)?.textContent ?? '';
  const number = (id: string) => {
    const digits = /(\d+)\s*$/.exec(text(id).trim())?.[1];
    return digits === undefined ? undefined : Number(digits);
  };
  const algorithm = /SHA-?(1|256|512)\b/i.exec(text('kc-totp-algorithm'))?.[1];
  const hotp = root.querySelector('#kc-totp-counter') !== null;
  const policy: PagePolicy = { type: hotp ? 'hotp' : 'totp' };
  if (algorithm) policy.algorithm = `SHA${algorithm}` as OtpAlgorithm;
  const digits = number('kc-totp-digits');
  if (digits !== undefined) policy.digits = digits;
  const period = number('kc-totp-period');
  if (!hotp && period !== undefined) policy.period = period;
  const counter = number('kc-totp-counter');
  if (hotp && counter !== undefined) policy.counter = counter;
  return policy;
}

/** The signed-in user's name, where the theme shows it (Keycloak's "attempted username"). */
export function readAccountHint(root: ParentNode): string {
  return root.querySelector('#kc-attempted-username')?.textContent?.trim() ?? '';
}
