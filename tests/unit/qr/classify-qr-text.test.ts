import { describe, expect, it } from 'vitest';
import { classifyQrText } from '../../../lib/qr/classify-qr-text';

describe('classifyQrText', () => {
  it.each([
    ['otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP', 'otpauth'],
    ['otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1', 'otpauth'],
    ['OTPAUTH://TOTP/Example?secret=JBSWY3DPEHPK3PXP', 'otpauth'],
    ['  otpauth://totp/x?secret=A\n', 'otpauth'],
    ['otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8', 'migration'],
    ['Otpauth-Migration://offline?data=x', 'migration'],
    ['\totpauth-migration://offline?data=x\r\n', 'migration'],
    ['NOT A otpauth-migration:// URL', 'other'],
    ['QR-Code:otpauth-migration://offline?data=x', 'other'],
    ['https://example.com/otpauth://totp', 'other'],
    ['otpauthx://totp/x', 'other'],
    ['otpauth', 'other'],
    ['', 'other'],
    ['JBSWY3DPEHPK3PXP', 'other'],
  ])('%j is %s', (text, kind) => {
    expect(classifyQrText(text)).toBe(kind);
  });
});
