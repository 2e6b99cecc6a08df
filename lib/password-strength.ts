type Strength = 'weak' | 'fair' | 'strong';

/**
 * A rough, explainable strength hint for a new master password: length counts most, and mixing
 * kinds of characters helps. It only guides the user; the vault's only rule is 8+ characters.
 */
export function passwordStrength(password: string): Strength {
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) =>
    re.test(password),
  ).length;
  const length = [...password].length;
  if (length >= 16 || (length >= 12 && kinds >= 3)) return 'strong';
  if (length >= 10 && kinds >= 2) return 'fair';
  return 'weak';
}

/** The vault's own rule, re-exported so pages check it without loading the vault. */
export { MIN_PASSWORD_LENGTH } from './vault/errors';
