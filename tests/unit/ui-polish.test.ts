import { describe, expect, it, vi } from 'vitest';
import { stillWrong } from '../../components/new-password-fields';
import { autoLockNote } from '../../lib/auto-lock-note';
import { closeOnEscape } from '../../lib/escape-key';
import type { MessageKey } from '../../lib/i18n';

const t = (key: MessageKey, subs?: string[]) => [key, ...(subs ?? [])].join(' ');

describe('closeOnEscape', () => {
  const keydown = (key: string, extra: { composing?: boolean; prevented?: boolean } = {}) => ({
    key,
    defaultPrevented: extra.prevented ?? false,
    nativeEvent: { isComposing: extra.composing ?? false },
    preventDefault: vi.fn(),
    stopPropagation: vi.fn(),
  });

  it.each([
    ['Esc', keydown('Escape'), true],
    ['Esc that ends a Japanese IME conversion', keydown('Escape', { composing: true }), false],
    ['Esc an inner form already handled', keydown('Escape', { prevented: true }), false],
    ['Enter', keydown('Enter'), false],
    ['a letter', keydown('a'), false],
  ])('%s → closes: %s', (_name, event, closes) => {
    const close = vi.fn();
    closeOnEscape(close)(event);
    expect(close).toHaveBeenCalledTimes(closes ? 1 : 0);
    // Handled Esc goes no further (an outer editor or the toolbar popup must not close too).
    expect(event.stopPropagation).toHaveBeenCalledTimes(closes ? 1 : 0);
    expect(event.preventDefault).toHaveBeenCalledTimes(closes ? 1 : 0);
  });
});

describe('stillWrong: a password problem goes away once fixed', () => {
  it.each([
    ['mismatch, now matching', 'error_password_mismatch', 'password1', 'password1', null],
    [
      'mismatch, still different',
      'error_password_mismatch',
      'password1',
      'password2',
      'error_password_mismatch',
    ],
    [
      'mismatch, confirmation being typed',
      'error_password_mismatch',
      'password1',
      'pass',
      'error_password_mismatch',
    ],
    ['too short, now long enough', 'error_password_too_short', 'password1', '', null],
    [
      'too short, still short',
      'error_password_too_short',
      'short',
      'short',
      'error_password_too_short',
    ],
    ['nothing was shown', null, 'a', 'b', null],
  ] as const)('%s', (_name, shown, password, confirm, expected) => {
    expect(stillWrong(shown, password, confirm)).toBe(expected);
  });
});

describe('autoLockNote says what the auto-lock setting says', () => {
  it.each([
    [15, 'autolock_note 15'],
    [1, 'autolock_note 1'],
    [60, 'autolock_note 60'],
    [0, 'autolock_note_closed'],
  ])('%i minutes → %s', (minutes, expected) => {
    expect(autoLockNote(t, minutes)).toBe(expected);
  });
});
