/**
 * Where a one-time code goes on a page, as found by {@link detectOtpTarget}.
 * - `keycloak`: Keycloak's OTP entry page (`login-otp.ftl`), either theme.
 * - `generic`: one field on another site.
 * - `split`: a row of one-character fields, one digit each, in DOM order.
 * @see ../../../../shared/keycloak-pages.md (OTP entry page; Other sites)
 */
export type OtpTarget =
  | {
      kind: 'keycloak';
      input: HTMLInputElement;
      form: HTMLFormElement;
      /** `v1` = the old `keycloak` theme (Keycloak 21–25), `v2` = `keycloak.v2` (26). */
      theme: 'v1' | 'v2';
      /** The selected device's name (its `userLabel`); null when no chooser is shown. */
      selectedDevice: string | null;
    }
  | { kind: 'generic'; input: HTMLInputElement }
  | { kind: 'split'; inputs: HTMLInputElement[] };

/** Whether the user could see an element; the content script passes a layout-based check. */
export type IsVisible = (el: HTMLElement) => boolean;

export interface DetectOptions {
  /** Also look for fields on non-Keycloak pages (only on sites the user allowed). */
  generic: boolean;
  /** Default {@link isVisibleByMarkup}: jsdom has no layout, so only markup is read. */
  isVisible?: IsVisible;
}
