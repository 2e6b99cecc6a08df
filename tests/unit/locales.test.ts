import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allOtpErrorKeys } from '../../lib/otp/errors';

type Messages = Record<string, { message: string }>;
const load = (lang: string): Messages =>
  JSON.parse(
    readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8'),
  );
const ja = load('ja');
const en = load('en');

describe('_locales', () => {
  it('ja and en have the same keys, none empty', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const messages of [ja, en]) {
      for (const [key, { message }] of Object.entries(messages)) expect(message, key).not.toBe('');
    }
  });

  it('a message uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      const slots = (m: Messages) => (m[key]?.message.match(/\$\d/g) ?? []).sort();
      expect(slots(ja), key).toEqual(slots(en));
    }
  });

  // lib/otp keeps no copy of these words: its errors carry keys, and every key is here.
  it.each(allOtpErrorKeys())('%s, a key lib/otp gives, has words in ja and en', (key) => {
    expect(ja[key]?.message).toMatch(/\S/);
    expect(en[key]?.message).toMatch(/\S/);
  });
});
