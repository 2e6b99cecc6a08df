import type { AccountData, RecoveryCode } from '../otp/types';

/** More codes than any site gives at once (Keycloak: 12); a longer list is not a code list. */
export const MAX_RECOVERY_CODES = 50;

/**
 * A recovery code as the site checks it: white space and dashes taken out (Keycloak shows
 * `ABCD-EFGH-JKLM` and drops the dashes of what is typed), case kept (Keycloak compares a hash
 * of the exact text). Null for anything that is not 4–64 letters and digits.
 */
export function normalizeRecoveryCode(text: string): string | null {
  const code = text.replace(/[\s-]/g, '');
  return /^[A-Za-z0-9]{4,64}$/.test(code) ? code : null;
}

/**
 * The codes of a page as the vault stores them, all unused; null unless every one is a code and
 * there are 1–{@link MAX_RECOVERY_CODES} of them, none twice (a page that lists something else
 * must not become "codes").
 */
export function newRecoveryCodes(texts: readonly string[]): RecoveryCode[] | null {
  if (texts.length === 0 || texts.length > MAX_RECOVERY_CODES) return null;
  const codes = texts.map(normalizeRecoveryCode);
  if (codes.some((code) => code === null)) return null;
  if (new Set(codes).size !== codes.length) return null;
  return (codes as string[]).map((code) => ({ code, used: false }));
}

/** `ABCDEFGHJKLM` as Keycloak shows it, `ABCD-EFGH-JKLM`: easier to read off and type. */
export function groupedRecoveryCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** One stored code with its number in the site's list (1-based: Keycloak asks for "#3"). */
export interface NumberedCode {
  number: number;
  code: string;
}

/**
 * The codes of `account` not yet used at a login, in the site's order, with their numbers: what
 * a printed emergency kit lists so the user can sign in elsewhere.
 */
export function unusedRecoveryCodes(account: Pick<AccountData, 'recoveryCodes'>): NumberedCode[] {
  return (account.recoveryCodes ?? []).flatMap((c, i) =>
    c.used ? [] : [{ number: i + 1, code: c.code }],
  );
}

/** How many codes are saved and how many of them are unused; null when none are saved. */
export function recoveryCount(
  account: Pick<AccountData, 'recoveryCodes'>,
): { total: number; unused: number } | null {
  const codes = account.recoveryCodes ?? [];
  if (codes.length === 0) return null;
  return { total: codes.length, unused: codes.filter((c) => !c.used).length };
}

/**
 * Which stored code (index) to offer on a login page. `asked` is the number the page asks for
 * (Keycloak uses codes in order and names the next one): that code, even if marked used here,
 * since the site says it is not. Without a number: the first unused code. Null when there is
 * no such code.
 */
export function codeToOffer(codes: readonly RecoveryCode[], asked: number | null): number | null {
  if (asked !== null)
    return Number.isInteger(asked) && asked >= 1 && asked <= codes.length ? asked - 1 : null;
  const index = codes.findIndex((c) => !c.used);
  return index === -1 ? null : index;
}

/**
 * The list after the code at `index` was accepted by the site. With `inOrder` (the site asked
 * for it by number) every earlier code is used too: the site takes them in order only.
 */
export function markUsed(
  codes: readonly RecoveryCode[],
  index: number,
  inOrder: boolean,
): RecoveryCode[] {
  return codes.map((c, i) => ({
    code: c.code,
    used: c.used || i === index || (inOrder && i < index),
  }));
}
