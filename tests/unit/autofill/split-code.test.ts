import { describe, expect, it } from 'vitest';
import { codeFitsTarget } from '../../../lib/autofill/detect/detect-otp-target';
import { splitCode } from '../../../lib/autofill/detect/split';
import type { OtpTarget } from '../../../lib/autofill/detect/types';
import { documentOf } from './dom';

describe('splitCode', () => {
  it.each([
    ['123456', 6, ['1', '2', '3', '4', '5', '6']],
    ['123 456', 6, ['1', '2', '3', '4', '5', '6']],
    ['1234 5678', 8, ['1', '2', '3', '4', '5', '6', '7', '8']],
    ['12345', 6, null],
    ['1234567', 6, null],
  ])('%s into %i boxes', (code, count, expected) => {
    expect(splitCode(code, count)).toEqual(expected);
  });
});

describe('codeFitsTarget', () => {
  const doc = documentOf(
    '<input id="m6" maxlength="6"><input id="free">' +
      Array.from({ length: 6 }, () => '<input class="box" maxlength="1">').join(''),
  );
  const input = (id: string): HTMLInputElement => doc.getElementById(id) as HTMLInputElement;
  const split: OtpTarget = {
    kind: 'split',
    inputs: [...doc.querySelectorAll<HTMLInputElement>('.box')],
  };

  it.each<[string, OtpTarget, string, boolean]>([
    ['6 digits, maxlength 6', { kind: 'generic', input: input('m6') }, '123456', true],
    ['8 digits, maxlength 6', { kind: 'generic', input: input('m6') }, '12345678', false],
    ['8 digits, no maxlength', { kind: 'generic', input: input('free') }, '12345678', true],
    ['a space', { kind: 'generic', input: input('free') }, '123 456', false],
    ['6 digits, 6 boxes', split, '123456', true],
    ['8 digits, 6 boxes', split, '12345678', false],
  ])('%s', (_name, target, code, fits) => {
    expect(codeFitsTarget(target, code)).toBe(fits);
  });
});
