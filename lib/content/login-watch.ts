import type { Scope } from './scope';

/**
 * Keycloak's login form (`form#kc-form-login`): as it is sent, hands the user name typed into
 * `input#username` to `record` — the worker keeps it for the next page of this tab (the OTP page,
 * when it shows no user name), so only that person's code is filled. Nothing stays in the page.
 */
export function watchLoginForm(scope: Scope, doc: Document, record: (user: string) => void): void {
  scope.listen(
    doc,
    'submit',
    (event) => {
      const form = event.target as Element | null;
      if (form?.id !== 'kc-form-login' || form.tagName !== 'FORM') return;
      const user = form.querySelector<HTMLInputElement>('input#username')?.value.trim();
      if (user) record(user);
    },
    { capture: true },
  );
}
