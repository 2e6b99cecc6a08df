import type { ExportData } from './backup-protocol';
import { parseOtpauthUri } from './otp/uri';

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
