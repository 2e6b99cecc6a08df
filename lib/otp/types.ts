/** Hash used by the HMAC of an OTP. @see https://www.rfc-editor.org/rfc/rfc6238#section-1.2 */
export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export type OtpType = 'totp' | 'hotp';

/** Everything needed to generate codes for one account. */
export interface OtpParams {
  type: OtpType;
  /** Base32, normalised: upper case, no spaces, dashes or padding. */
  secret: string;
  algorithm: OtpAlgorithm;
  /** 6–8 for accounts added by hand; imports may carry 1–10. */
  digits: number;
  /** TOTP step in seconds. */
  period: number;
  /** HOTP counter (the next code to show). */
  counter: number;
}

/** An account as the user sees and edits it; every field is encrypted at rest. */
export interface AccountData extends OtpParams {
  issuer: string;
  name: string;
  /** Origins (e.g. `https://densenkenpo.portal.kosmo-web.jp`) the account is bound to. */
  sites: string[];
  /**
   * The sites among `sites` the user bound themself (setup-page click, popup, manage page), never
   * from an imported file: only these may set the clock correction. See `lib/trusted-sites.ts`.
   */
  trustedSites?: string[];
  /** The device name given to the site at enrollment (Keycloak's `userLabel`), to pick the account. */
  deviceName?: string;
  /** Shown at the top of the list. */
  pinned?: boolean;
  /**
   * The site's user name (Keycloak's `#kc-attempted-username`) the account was enrolled or first
   * chosen under: on a page that shows a user name, only that user's account is filled.
   */
  user?: string;
  /**
   * Added from a setup page whose form was not (yet) accepted: a later setup of the same user
   * replaces it, and it is not offered at login while a confirmed account exists.
   */
  pending?: boolean;
  /** One-time recovery codes the site gave (Keycloak's recovery authentication codes). */
  recoveryCodes?: RecoveryCode[];
}

/** One of a site's one-time recovery codes, and whether it was used at a login. */
export interface RecoveryCode {
  code: string;
  used: boolean;
}

/** A stored account: its data plus the plaintext bookkeeping the vault keeps beside it. */
export interface Account extends AccountData {
  id: string;
  order: number;
  updatedAt: number;
}

export const OTP_DEFAULTS = {
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
} as const satisfies Omit<OtpParams, 'secret'>;
