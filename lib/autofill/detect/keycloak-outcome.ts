import { isEmailOtpForm } from './exclusions';
import { selectedDeviceName } from './keycloak-device';

/**
 * What a page says about the submit before it, as the worker needs it: which Keycloak page it
 * is, whether Keycloak shows an error on it, and the OTP page's device chooser.
 */
export interface PageReport {
  page: 'setup' | 'otp' | 'other';
  /** Keycloak refused the code (the field's error, or the page's error alert). */
  codeError: boolean;
  /** Any error on a setup page (also a missing device name): the setup was not accepted. */
  setupError: boolean;
  /** The chooser's device names and the selected one; null without a chooser. */
  devices: { labels: string[]; selected: string | null } | null;
}

/** The code field's error under `#otp` / `#totp` (both themes, Keycloak 21–26). */
const CODE_ERROR = '#input-error-otp-code, #input-error-otp';
/** The page's error alert: `keycloak.v2` (PatternFly 5) and the old theme. */
const ERROR_ALERT = '.pf-v5-c-alert.pf-m-danger, .alert-error';
/** Any field error on the setup page (the device name's too); v2 wraps each in an empty container. */
const SETUP_ERROR = '[id^="input-error-"]:not([id^="input-error-container"])';

/**
 * Reads Keycloak's OTP entry page (`login-otp.ftl`) or setup page (`login-config-totp.ftl`) by
 * ids and classes, never by text.
 * @see ../../../../shared/keycloak-pages.md
 */
export function readPageReport(root: ParentNode): PageReport {
  const setup = root.querySelector<HTMLFormElement>('form#kc-totp-settings-form');
  const login = root.querySelector<HTMLFormElement>('form#kc-otp-login-form');
  // The portal's e-mail OTP page reuses the OTP form's id: it is no page of ours.
  const otp = login && !isEmailOtpForm(login) ? login : null;
  const form = setup ?? otp;
  if (!form) return { page: 'other', codeError: false, setupError: false, devices: null };
  const alert = root.querySelector(ERROR_ALERT) !== null;
  const codeError = root.querySelector(CODE_ERROR) !== null || alert;
  if (setup) {
    const setupError = codeError || setup.querySelector(SETUP_ERROR) !== null;
    return { page: 'setup', codeError, setupError, devices: null };
  }
  return { page: 'otp', codeError, setupError: false, devices: chooser(form) };
}

/** The chooser's devices: radios with labels (old theme) or tiles (v2), as keycloak-device reads them. */
function chooser(form: HTMLFormElement): PageReport['devices'] {
  const radios = form.querySelectorAll<HTMLInputElement>(
    'input[type="radio"][name="selectedCredentialId"]',
  );
  const items: (Element | undefined)[] =
    radios.length > 0
      ? [...radios].map((radio) => radio.labels?.[0])
      : [...form.querySelectorAll('[id^="kc-otp-credential-"]:not(input)')];
  const labels = items
    .map((el) => (el?.querySelector('[class*="tile__title"]') ?? el)?.textContent ?? '')
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
  return labels.length > 0 ? { labels, selected: selectedDeviceName(form) } : null;
}
