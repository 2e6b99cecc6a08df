import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/** Where every screenshot goes. */
export const DOCS = resolve(import.meta.dirname, '../../docs');
/** The popup opened as a tab at the toolbar popup's size. */
export const POPUP_VIEWPORT = { width: 380, height: 600 };
/** 12 s into a 30 s step: 18 s left, so no row is in its red "last 5 seconds" state. */
export const FIXED_TIME = new Date('2026-04-01T09:30:12+09:00');
export const PASSWORD = 'demo-Passw0rd-2026';
export const SCHEMES = ['light', 'dark'] as const;
export type Scheme = (typeof SCHEMES)[number];

/** A demo account for the screenshots: realistic names, fixed fake secrets. */
export interface DemoAccount {
  issuer: string;
  name: string;
  type?: 'totp' | 'hotp';
  digits?: number;
  algorithm?: 'SHA1' | 'SHA256' | 'SHA512';
}

/** The first three are the "3 accounts" screenshot; all 30 are the search case. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { issuer: '電線工業健康保険組合', name: '1234567' },
  { issuer: 'GitHub', name: 'taro-yamada' },
  { issuer: 'Google', name: 'taro.yamada@gmail.com' },
  { issuer: 'KOSMO Web', name: '7654321' },
  { issuer: 'Microsoft', name: 'taro.yamada@outlook.jp' },
  { issuer: '楽天', name: 'yamada_taro' },
  { issuer: 'Yahoo! JAPAN', name: 'yamada_taro_1985' },
  { issuer: 'Amazon', name: 'taro.yamada@example.jp' },
  { issuer: 'Amazon Web Services', name: 'admin@yamada-shoji.co.jp' },
  { issuer: '関東ITソフトウェア健康保険組合', name: '0012345' },
  { issuer: 'Dropbox', name: 'taro.yamada@example.jp' },
  { issuer: 'Slack', name: '山田商事 (yamada-shoji.slack.com)' },
  { issuer: 'マネーフォワード ME', name: 'taro.yamada@example.jp' },
  { issuer: 'freee会計', name: 'keiri@yamada-shoji.co.jp' },
  { issuer: 'サイボウズ Office', name: 'yamada' },
  { issuer: 'Chatwork', name: '山田 太郎' },
  { issuer: '社内VPN', name: 'yamada.t', digits: 8, algorithm: 'SHA256' },
  { issuer: 'Zoom', name: 'taro.yamada@yamada-shoji.co.jp' },
  { issuer: 'Facebook', name: '山田太郎' },
  { issuer: 'X', name: '@yamada_taro' },
  { issuer: 'Instagram', name: 'yamada.taro.photo' },
  { issuer: 'ニンテンドーアカウント', name: 'taro.yamada@example.jp' },
  { issuer: 'Cloudflare', name: 'admin@yamada-shoji.co.jp' },
  { issuer: 'さくらのクラウド', name: 'yamada-shoji' },
  { issuer: 'Backlog', name: 'yamada@yamada-shoji.backlog.jp' },
  { issuer: 'Notion', name: 'taro.yamada@example.jp' },
  {
    issuer: '全国健康保険協会 東京支部 加入者ポータルサイト',
    name: 'yamada.taro.longname@example.co.jp',
  },
  { issuer: '', name: 'ssh-bastion (発行者なし)' },
  { issuer: 'ハードウェアトークン', name: 'HOTP-0001', type: 'hotp' },
  { issuer: 'Bitwarden', name: 'taro.yamada@example.jp' },
];

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A fixed, fake 160-bit secret (Base32) derived from the index: the same on every run. */
export function demoSecret(index: number): string {
  const bytes = createHash('sha1').update(`pc-authenticator-screenshot-${index}`).digest();
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i + 5 <= bits.length; i += 5) out += BASE32[parseInt(bits.slice(i, i + 5), 2)];
  return out;
}

/** The account as an `otpauth://` URI, the way a setup page's QR code would carry it. */
export function demoUri(account: DemoAccount, index: number): string {
  const type = account.type ?? 'totp';
  const label = account.issuer
    ? `${encodeURIComponent(account.issuer)}:${encodeURIComponent(account.name)}`
    : encodeURIComponent(account.name);
  const params = new URLSearchParams({ secret: demoSecret(index) });
  if (account.issuer) params.set('issuer', account.issuer);
  if (account.digits) params.set('digits', `${account.digits}`);
  if (account.algorithm) params.set('algorithm', account.algorithm);
  if (type === 'hotp') params.set('counter', '0');
  return `otpauth://${type}/${label}?${params.toString().replace(/\+/g, '%20')}`;
}
