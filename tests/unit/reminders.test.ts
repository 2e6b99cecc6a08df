import { describe, expect, it } from 'vitest';
import {
  NO_REMINDERS,
  dueReminder,
  parseReminderState,
  reminderDismissed,
  reminderShown,
  type ReminderKind,
  type ReminderState,
} from '../../lib/reminders';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 3, 1, 9, 0, 0);
const BOTH = { recovery: true, backup: true };
const BACKUP_ONLY = { recovery: false, backup: true };
const NONE = { recovery: false, backup: false };

const shown = (kind: ReminderKind, at = T0, dismissedUntil = {}): ReminderState => ({
  shown: { kind, at },
  dismissedUntil,
});

describe('when the popup reminds', () => {
  it.each([
    ['never shown, nothing needed', NO_REMINDERS, NONE, T0, null],
    ['never shown: the recovery key comes first', NO_REMINDERS, BOTH, T0, 'recovery'],
    ['never shown, only a backup needed', NO_REMINDERS, BACKUP_ONLY, T0, 'backup'],
    ['shown an hour ago: still there', shown('recovery'), BOTH, T0 + HOUR, 'recovery'],
    ['shown 23 h ago: still there', shown('recovery'), BOTH, T0 + 23 * HOUR, 'recovery'],
    ['shown a day ago: gone for the week', shown('recovery'), BOTH, T0 + DAY, null],
    ['shown 6 days ago: still quiet', shown('recovery'), BOTH, T0 + 6 * DAY, null],
    ['shown a week ago: again', shown('recovery'), BOTH, T0 + 7 * DAY, 'recovery'],
    [
      'shown a week ago, key made since: the backup',
      shown('recovery'),
      BACKUP_ONLY,
      T0 + 7 * DAY,
      'backup',
    ],
    ['shown today, key made since: gone', shown('recovery'), BACKUP_ONLY, T0 + HOUR, null],
    [
      'the backup shown today, both needed now: still the backup',
      shown('backup'),
      BOTH,
      T0 + HOUR,
      'backup',
    ],
    [
      'dismissed for a month: the other one, next week',
      shown('recovery', T0, { recovery: T0 + 30 * DAY }),
      BOTH,
      T0 + 7 * DAY,
      'backup',
    ],
    [
      'dismissed today: nothing else today',
      shown('recovery', T0, { recovery: T0 + 30 * DAY }),
      BOTH,
      T0 + HOUR,
      null,
    ],
    [
      'dismissed, only that one needed: quiet all month',
      shown('recovery', T0, { recovery: T0 + 30 * DAY }),
      { recovery: true, backup: false },
      T0 + 29 * DAY,
      null,
    ],
    [
      'dismissed a month ago: back',
      shown('recovery', T0, { recovery: T0 + 30 * DAY }),
      { recovery: true, backup: false },
      T0 + 30 * DAY,
      'recovery',
    ],
    ['the clock went back: no burst', shown('backup'), BOTH, T0 - 5 * DAY, 'backup'],
  ] as const)('%s', (_, state, needs, now, expected) => {
    expect(dueReminder(state, needs, now)).toBe(expected);
  });

  it('a week of daily popups, with everything needed, shows one reminder on one day', () => {
    let state: ReminderState = NO_REMINDERS;
    const days: (ReminderKind | null)[] = [];
    for (let day = 0; day < 14; day += 1) {
      for (const hour of [9, 13, 18]) {
        const now = T0 + day * DAY + hour * HOUR;
        const due = dueReminder(state, BOTH, now);
        if (due) state = reminderShown(state, due, now);
        if (hour === 18) days.push(due);
      }
    }
    expect(days.filter(Boolean)).toEqual(['recovery', 'recovery']);
    expect(days.indexOf('recovery', 1)).toBe(7);
  });

  it('「あとで」 hides that kind for 30 days, the other kind shows the week after', () => {
    let state = reminderShown(NO_REMINDERS, 'recovery', T0);
    state = reminderDismissed(state, 'recovery', T0 + HOUR);
    expect(state.dismissedUntil).toEqual({ recovery: T0 + HOUR + 30 * DAY });
    expect(dueReminder(state, BOTH, T0 + 2 * HOUR)).toBeNull();
    expect(dueReminder(state, BOTH, T0 + 7 * DAY)).toBe('backup');
    state = reminderShown(state, 'backup', T0 + 7 * DAY);
    expect(dueReminder(state, BOTH, T0 + 14 * DAY)).toBe('backup');
  });

  it('showing the same reminder again the same day keeps its first time', () => {
    const state = reminderShown(NO_REMINDERS, 'backup', T0);
    expect(reminderShown(state, 'backup', T0 + 3 * HOUR)).toBe(state);
    expect(reminderShown(state, 'recovery', T0 + 3 * HOUR).shown).toEqual({
      kind: 'recovery',
      at: T0 + 3 * HOUR,
    });
  });

  it.each([
    [undefined, NO_REMINDERS],
    ['garbage', NO_REMINDERS],
    [{ shown: { kind: 'pin', at: 1 }, dismissedUntil: { backup: 'soon', pin: 5 } }, NO_REMINDERS],
    [
      { shown: { kind: 'backup', at: T0 }, dismissedUntil: { recovery: T0 + DAY } },
      { shown: { kind: 'backup', at: T0 }, dismissedUntil: { recovery: T0 + DAY } },
    ],
  ])('reads stored %o tolerantly', (raw, expected) => {
    expect(parseReminderState(raw)).toEqual(expected);
  });
});
