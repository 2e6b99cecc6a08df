import { readAccountHint } from '../enroll/setup-page';
import type { PageHints } from '../messaging';

/**
 * What a Keycloak page says about itself: who is signing in (`#kc-attempted-username`, shown on
 * the OTP page once the user name is known) and the realm's title (`#kc-header-wrapper`). Read
 * at each request: a script may render them late.
 */
export function readPageHints(doc: Document): PageHints {
  const user = readAccountHint(doc);
  const realm = doc.querySelector('#kc-header-wrapper')?.textContent?.trim().slice(0, 200) ?? '';
  return { ...(user ? { user } : {}), ...(realm ? { realm } : {}) };
}
