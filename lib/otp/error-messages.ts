import type { OtpErrorKey } from './errors';

/** One user-facing message in the two UI languages. */
export interface OtpErrorMessage {
  ja: string;
  en: string;
}

/**
 * The user-facing text of every {@link OtpErrorKey}, Japanese first. Copied into
 * `public/_locales/{ja,en}/messages.json`. Plain words for non-technical users; no secrets.
 */
export const OTP_ERROR_MESSAGES: Record<OtpErrorKey, OtpErrorMessage> = {
  error_secret_empty: {
    ja: 'キーを入力してください。',
    en: 'Enter the key.',
  },
  error_secret_missing: {
    ja: 'QRコード（otpauth://）にキーが含まれていません。',
    en: 'The QR code (otpauth://) does not contain a key.',
  },
  error_secret_invalid_char: {
    ja: 'キーに使えない文字が含まれています（使えるのは A–Z と 2–7 です）。',
    en: 'The key contains a character that cannot be used (only A–Z and 2–7 are allowed).',
  },
  error_secret_confusable_char: {
    ja: 'キーに数字の 0・1・8・9 は使われません。O（オー）、I（アイ）、L（エル）、B（ビー）の打ち間違いではありませんか？',
    en: 'Keys never contain the digits 0, 1, 8 or 9. Did you mean the letters O, I, L or B?',
  },
  error_secret_invalid_length: {
    ja: 'キーの長さが正しくありません。文字の抜けや余分な文字がないか確認してください。',
    en: 'The key does not have a valid length. Check for missing or extra characters.',
  },
  error_secret_too_short: {
    ja: 'キーが短すぎます。最後まで入力したか確認してください（16文字以上）。',
    en: 'The key is too short. Check that you entered all of it (at least 16 characters).',
  },
  error_uri_empty: {
    ja: 'otpauth:// で始まる文字列を貼り付けてください。',
    en: 'Paste the text that starts with otpauth://.',
  },
  error_uri_not_otpauth: {
    ja: '認証アプリ用のQRコード（otpauth://）ではありません。',
    en: 'This is not an authenticator QR code (otpauth://).',
  },
  error_uri_migration: {
    ja: 'Google 認証システムのエクスポート用QRコードです。「インポート」から読み込んでください。',
    en: 'This is a Google Authenticator export QR code. Use Import to read it.',
  },
  error_uri_malformed: {
    ja: 'QRコードの内容が壊れているため読み取れません。',
    en: 'The QR code content is damaged and cannot be read.',
  },
  error_migration_empty: {
    ja: 'Google 認証システムのエクスポート用QRコードの文字列（otpauth-migration://）を貼り付けてください。',
    en: 'Paste the text of a Google Authenticator export QR code (otpauth-migration://).',
  },
  error_migration_not_migration: {
    ja: 'Google 認証システムのエクスポート用QRコード（otpauth-migration://）ではありません。',
    en: 'This is not a Google Authenticator export QR code (otpauth-migration://).',
  },
  error_migration_bad_base64: {
    ja: 'エクスポート用QRコードの文字列が途中で切れているか壊れているため、読み取れません。',
    en: 'The export QR code text is cut off or damaged and cannot be read.',
  },
  error_migration_bad_protobuf: {
    ja: 'エクスポート用QRコードの中身が壊れているか、対応していない形式のため、読み取れません。',
    en: 'The export QR code content is damaged or in a format that is not supported.',
  },
  error_migration_no_accounts: {
    ja: 'このエクスポート用QRコードにはアカウントが含まれていません。',
    en: 'This export QR code does not contain any accounts.',
  },
  error_type_unknown: {
    ja: '対応していない種類のワンタイムパスワードです（時間ベースとカウンターベースに対応しています）。',
    en: 'This kind of one-time password is not supported (time-based and counter-based are).',
  },
  error_algorithm_unknown: {
    ja: '対応していないアルゴリズムです（SHA1・SHA256・SHA512 に対応しています）。',
    en: 'This algorithm is not supported (SHA1, SHA256 and SHA512 are).',
  },
  error_digits_not_a_number: {
    ja: '桁数は整数で入力してください。',
    en: 'Enter the number of digits as a whole number.',
  },
  error_digits_out_of_range: {
    ja: 'この桁数には対応していません（通常は 6 桁か 8 桁です）。',
    en: 'This number of digits is not supported (usually 6 or 8).',
  },
  error_period_not_a_number: {
    ja: '更新間隔（秒）は整数で入力してください。',
    en: 'Enter the time step (seconds) as a whole number.',
  },
  error_period_out_of_range: {
    ja: 'この更新間隔（秒）には対応していません（通常は 30 秒です）。',
    en: 'This time step is not supported (usually 30 seconds).',
  },
  error_counter_not_a_number: {
    ja: 'カウンターは 0 以上の整数で入力してください。',
    en: 'Enter the counter as a whole number, 0 or more.',
  },
  error_counter_out_of_range: {
    ja: 'カウンターの値がマイナスか、大きすぎます。',
    en: 'The counter is negative or too large.',
  },
  error_issuer_too_long: {
    ja: '発行者の名前が長すぎます（256文字まで）。',
    en: 'The issuer name is too long (256 characters at most).',
  },
  error_name_too_long: {
    ja: 'アカウント名が長すぎます（256文字まで）。',
    en: 'The account name is too long (256 characters at most).',
  },
};
