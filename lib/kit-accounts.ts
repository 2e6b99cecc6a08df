import type { ExportData } from './backup-protocol';
import { parseOtpauthUri } from './otp/uri';
import { groupedRecoveryCode } from './recovery-codes/codes';

/** One account as the emergency kit prints it: a name, its key to type, its QR to scan. */
export interface KitAccount {
  title: string;
  /** The Base32 key in groups of four, as an authenticator app's "enter a key" asks for it. */
  key: string;
  uri: string;
}

/** The kit's account list from an export (after the master password), in list order. */
export function kitAccounts(data: ExportData): KitAccount[] {
  return data.accounts.map(({ title, uri }) => {
    const { secret } = parseOtpauthUri(uri);
    return { title, uri, key: secret.replace(/(.{4})(?=.)/g, '$1 ') };
  });
}

/** An account's unused Keycloak recovery codes as the kit prints them: `#3 ABCD-EFGH-JKLM`. */
export interface KitRecoveryCodes {
  title: string;
  codes: { number: number; text: string }[];
}

/**
 * The kit's recovery-code list: every account that has unused codes, in list order, each code
 * with its number in the site's list (Keycloak asks for "#3"). Used codes are left out: the
 * site refuses them.
 */
export function kitRecoveryCodes(data: ExportData): KitRecoveryCodes[] {
  return data.accounts.flatMap(({ title, recoveryCodes }) =>
    recoveryCodes.length === 0
      ? []
      : [
          {
            title,
            codes: recoveryCodes.map(({ number, code }) => ({
              number,
              text: groupedRecoveryCode(code),
            })),
          },
        ],
  );
}
