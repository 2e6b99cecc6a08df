import { describe, expect, it } from 'vitest';
import { outcomeLine, summarize } from '../../components/import-results';
import type { ImportEntry } from '../../lib/hooks/use-import-results';
import { fileKind } from '../../lib/import-files';
import type { Translate } from '../../lib/i18n';

/** Shows the key and its substitutions, so a test reads which message was chosen. */
const t: Translate = (key, subs) => (subs ? `${key}(${subs.join('|')})` : key);

const entry = (patch: Partial<ImportEntry>): ImportEntry => ({
  id: 1,
  kind: 'file',
  name: 'a.png',
  state: 'done',
  outcomes: [],
  error: null,
  ...patch,
});

describe('manage page: which files go where', () => {
  it.each([
    ['qr.png', 'image/png', 'image'],
    ['photo.JPG', '', 'image'],
    ['scan.webp', 'image/webp', 'image'],
    ['image.bmp', 'image/bmp', 'image'],
    ['backup.json', 'application/json', 'text'],
    ['export.2fas', '', 'text'],
    ['codes.txt', 'text/plain', 'text'],
    ['list.csv', 'text/csv', 'text'],
    ['iphone.heic', 'image/heic', 'unsupported'],
    ['logo.svg', 'image/svg+xml', 'unsupported'],
    ['manual.pdf', 'application/pdf', 'unsupported'],
  ] as const)('%s (%s) is %s', (name, type, kind) => {
    expect(fileKind({ name, type })).toBe(kind);
  });
});

describe('manage page: outcomes in words', () => {
  it('names added and duplicate accounts, and explains the rest', () => {
    expect(outcomeLine(t, { kind: 'added', title: 'KOSMO (taro)' })).toMatchObject({
      tone: 'ok',
      text: 'manage_added(KOSMO (taro))',
    });
    expect(outcomeLine(t, { kind: 'duplicate', title: 'KOSMO (taro)' }).tone).toBe('info');
    expect(outcomeLine(t, { kind: 'no-qr' })).toMatchObject({
      tone: 'warn',
      text: 'manage_no_qr',
      hint: 'manage_no_qr_hint',
    });
    expect(outcomeLine(t, { kind: 'not-otp' }).text).toBe('manage_not_otp');
    expect(
      outcomeLine(t, { kind: 'invalid', error: { key: 'error_secret_too_short' } }),
    ).toMatchObject({ tone: 'error', text: 'error_secret_too_short' });
    expect(
      outcomeLine(t, { kind: 'skipped', title: 'Steam', error: { key: 'error_type_unknown' } }),
    ).toMatchObject({ tone: 'warn', text: 'manage_skipped(Steam|error_type_unknown)' });
    expect(
      outcomeLine(t, {
        kind: 'added',
        title: 'Long',
        warning: { key: 'warning_digits_unusual', subs: ['10'] },
      }),
    ).toMatchObject({ tone: 'ok', hint: 'warning_digits_unusual(10)' });
  });

  it('tells which Google export QR codes are still missing', () => {
    expect(outcomeLine(t, { kind: 'batch', index: 1, size: 3, missing: [2, 3] }).text).toBe(
      'manage_batch(3|1|2manage_list_separator3)',
    );
    expect(outcomeLine(t, { kind: 'batch', index: 3, size: 3, missing: [] }).text).toBe(
      'manage_batch_done(3)',
    );
  });

  it('counts added, already registered and not added; unfinished entries not yet', () => {
    const entries = [
      entry({ state: 'working' }),
      entry({ error: { key: 'manage_file_unsupported' } }),
      entry({ outcomes: [{ kind: 'no-qr' }] }),
      entry({
        outcomes: [
          { kind: 'added', title: 'A' },
          { kind: 'added', title: 'B' },
          { kind: 'duplicate', title: 'C' },
          { kind: 'batch', index: 1, size: 2, missing: [2] },
        ],
      }),
      entry({ kind: 'text', outcomes: [] }),
    ];
    expect(summarize(t, entries)).toEqual({ added: 2, duplicate: 1, problem: 3 });
  });
});
