// Keycloak markup the replica does not render: custom themes and edge cases.
import { describe, expect, it } from 'vitest';
import { detectOtpTarget } from '../../../lib/autofill/detect/detect-otp-target';
import { documentOf } from './dom';

const OTP = '<input id="otp" name="otp" type="text" autocomplete="off">';
const form = (body: string, attrs = ''): string =>
  `<form id="kc-otp-login-form" method="post" ${attrs}>${body}</form>`;
const tile = (i: number, attrs: string, label: string): string =>
  `<div id="kc-otp-credential-${i}" ${attrs}><span class="pf-v5-c-tile__title">${label}</span></div>`;

function detect(html: string): ReturnType<typeof detectOtpTarget> {
  return detectOtpTarget(documentOf(html), { generic: false });
}

describe('Keycloak OTP form, other markup', () => {
  it.each([
    [
      'v2 tiles with a data attribute (hidden value wins over the look)',
      form(
        `<input type="hidden" id="selectedCredentialId" value="b">${tile(0, 'data-credential-id="a" class="pf-m-selected"', 'Laptop')}${tile(1, 'data-credential-id="b"', 'Phone')}${OTP}`,
      ),
      'Phone',
    ],
    [
      'v2 tiles with an empty hidden value: the tile marked aria-selected',
      form(
        `<input type="hidden" id="selectedCredentialId" value="">${tile(0, '', 'Laptop')}${tile(1, 'aria-selected="true"', 'Phone')}${OTP}`,
      ),
      'Phone',
    ],
    [
      'v1 radios, none checked',
      form(
        `<input type="radio" id="kc-otp-credential-0" name="selectedCredentialId" value="a"><label for="kc-otp-credential-0">Laptop</label>${OTP}`,
      ),
      null,
    ],
    [
      'v1 radio wrapped in its label, checked',
      form(
        `<label><input type="radio" name="selectedCredentialId" value="a" checked> My  phone </label>${OTP}`,
      ),
      'My phone',
    ],
  ])('selectedDevice: %s', (_name, html, device) => {
    expect(detect(html)).toMatchObject({ kind: 'keycloak', selectedDevice: device });
  });

  it.each([
    ['#kc-login is an input', form(`${OTP}<input type="submit" id="kc-login">`), 'v1'],
    ['#kc-login is a button', form(`${OTP}<button id="kc-login">Go</button>`), 'v2'],
    ['no #kc-login, PatternFly 5 form', form(OTP, 'class="pf-v5-c-form"'), 'v2'],
    ['no #kc-login, plain form', form(OTP), 'v1'],
  ])('theme: %s', (_name, html, theme) => {
    expect(detect(html)).toMatchObject({ kind: 'keycloak', theme });
  });

  it.each([
    ['input#otp disabled', form('<input id="otp" name="otp" disabled>')],
    ['input#otp hidden', form('<input id="otp" name="otp" type="hidden">')],
    ['otp input without the Keycloak id', form('<input id="code" name="otp">')],
    ['the form id elsewhere', `<form id="other">${OTP}</form>`],
    ['resend outside the form', `${form(OTP)}<form><button name="resend">再送信</button></form>`],
  ])('null: %s', (_name, html) => {
    expect(detect(html)).toBeNull();
  });

  it('decides alone: a generic field beside an e-mail OTP form is not used', () => {
    const html = `${form('<input id="emailCode" name="emailCode"><button name="resend">再送信</button>')}<input autocomplete="one-time-code">`;
    expect(detectOtpTarget(documentOf(html), { generic: true })).toBeNull();
  });
});
