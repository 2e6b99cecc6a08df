import type { MessageKey } from '../i18n';

/** The errors the background's own steps throw; `toAppError` turns each into a message key. */

/** The key being added is already stored (under `title`); adding it twice would only confuse. */
export class DuplicateAccountError extends Error {
  constructor(readonly title: string) {
    super('An account with this key is already stored');
    this.name = 'DuplicateAccountError';
  }
}

/** The setup page's QR image holds no OTP account. */
export class NoOtpQrError extends Error {
  constructor() {
    super('The setup page QR code holds no OTP account');
    this.name = 'NoOtpQrError';
  }
}

/** The file is not an image this browser can read. */
export class ImageUnreadableError extends Error {
  constructor() {
    super('The file is not an image this browser can read');
    this.name = 'ImageUnreadableError';
  }
}

/** The sender may not make this request (wrong origin, frame or extension). */
export class ForbiddenSenderError extends Error {
  constructor() {
    super('This sender may not make this request');
    this.name = 'ForbiddenSenderError';
  }
}

/** A request's data failed a check the user can fix: `key` (and `subs`) say which, in words. */
export class InputError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly subs?: string[],
  ) {
    super(`Invalid input: ${key}`);
    this.name = 'InputError';
  }
}
