// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import {
  readRecoveryLoginPage,
  readRecoverySetupPage,
  recoveryPageReport,
} from '../../../lib/recovery-codes/keycloak-pages';
import { detectOtpTarget } from '../../../lib/autofill/detect/detect-otp-target';
import {
  recoveryConfigBody,
  recoveryInputForm,
} from '../../fixtures/kosmo/pages/recovery-codes-page.mjs';

const CODES = ['K7QX2MZP4RTA', 'WN3BH8CJ5LDE', 'A1B2C3D4E5F6'];

function render(markup: unknown): Document {
  document.body.innerHTML = String(markup);
  return document;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe.each(['v1', 'v2'])("Keycloak's recovery codes pages, theme %s", (theme) => {
  const setup = () =>
    render(recoveryConfigBody({ theme, action: '/x', codes: CODES, generatedAt: 1 }));

  it('reads the codes the setup form will submit, in order, and anchors after the list', () => {
    const page = readRecoverySetupPage(setup());
    expect(page?.codes).toEqual(CODES);
    expect(page?.anchor.id).toBe('kc-recovery-codes-list');
  });

  it('reads the list itself when the form has no hidden codes (dashes, v1 numbers)', () => {
    const doc = setup();
    doc.querySelector('input[name="generatedRecoveryAuthnCodes"]')!.remove();
    expect(readRecoverySetupPage(doc)?.codes).toEqual(CODES);
  });

  it('reads the login page: the number asked for, and a refused code', () => {
    const ask = readRecoveryLoginPage(
      render(recoveryInputForm({ theme, action: '/x', number: 4 })),
    );
    expect(ask).toMatchObject({ asked: 4, refused: false });
    expect(ask?.input.id).toBe('recoveryCodeInput');
    expect(ask?.form.id).toBe('kc-recovery-code-login-form');
    const refused = render(
      recoveryInputForm({
        theme,
        action: '/x',
        number: 4,
        error: '無効なリカバリー認証コードです。',
      }),
    );
    expect(recoveryPageReport(refused)).toEqual({ kind: 'asking', asked: 4, refused: true });
  });

  it('is never taken for an OTP field, even where generic detection is on', () => {
    const doc = render(recoveryInputForm({ theme, action: '/x', number: 1 }));
    expect(detectOtpTarget(doc, { generic: true, isVisible: () => true })).toBeNull();
  });
});

describe('other markup', () => {
  it("reads Keycloak's first template (plain items, no dashes)", () => {
    const doc =
      render(`<ol id="kc-recovery-codes-list"><li>K7QX2MZP4RTA</li><li>WN3BH8CJ5LDE</li></ol>
      <form id="kc-recovery-codes-settings-form" method="post" action="/x">
        <input type="hidden" name="generatedAt" value="1"></form>`);
    expect(readRecoverySetupPage(doc)?.codes).toEqual(CODES.slice(0, 2));
  });

  it('refuses a list that holds something else, and pages that are not these', () => {
    const doc =
      render(`<ol id="kc-recovery-codes-list"><li>1: K7QX-2MZP-4RTA</li><li>まだありません</li></ol>
      <form id="kc-recovery-codes-settings-form"></form>`);
    expect(readRecoverySetupPage(doc)).toBeNull();
    expect(
      readRecoverySetupPage(render('<ol id="kc-recovery-codes-list"><li>K7QX2MZP4RTA</li></ol>')),
    ).toBeNull();
    expect(
      readRecoveryLoginPage(render('<form id="kc-otp-login-form"><input id="otp"></form>')),
    ).toBeNull();
    expect(recoveryPageReport(document)).toEqual({ kind: 'other' });
  });

  it('names no number when the label has none or several', () => {
    const page = (label: string) =>
      readRecoveryLoginPage(
        render(`<form id="kc-recovery-code-login-form"><label for="recoveryCodeInput">${label}</label>
          <input id="recoveryCodeInput" name="recoveryCodeInput"></form>`),
      );
    expect(page('Recovery code #12')?.asked).toBe(12);
    expect(page('リカバリーコード')?.asked).toBeNull();
    expect(page('Code 2 of 12')?.asked).toBeNull();
  });
});
