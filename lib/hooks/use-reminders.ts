import { useCallback, useEffect, useState } from 'react';
import {
  dueReminder,
  reminderDismissed,
  reminderShown,
  type ReminderKind,
  type ReminderState,
} from '../reminders';
import { remindersItem } from '../storage';

/**
 * The popup's one reminder (recovery key or backup) by `lib/reminders`' schedule, or `null`.
 * `needs` is `null` until the popup knows what applies. Showing one records when; `later` puts
 * that kind off for a month.
 */
export function useReminders(needs: Record<ReminderKind, boolean> | null) {
  const [state, setState] = useState<ReminderState | undefined>(undefined);
  // The popup lives for moments: its opening time is "now" for the schedule.
  const [openedAt] = useState(() => Date.now());
  const recovery = needs?.recovery;
  const backup = needs?.backup;
  const due =
    state && recovery !== undefined && backup !== undefined
      ? dueReminder(state, { recovery, backup }, openedAt)
      : null;

  useEffect(() => {
    let live = true;
    void remindersItem.getValue().then((value) => live && setState(value));
    const unwatch = remindersItem.watch(setState);
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  // Showing one records when, so the next waits a week.
  useEffect(() => {
    if (!state || !due) return;
    const next = reminderShown(state, due, openedAt);
    if (next !== state) void remindersItem.setValue(next);
  }, [state, due, openedAt]);

  const later = useCallback(
    (kind: ReminderKind) => {
      if (state) void remindersItem.setValue(reminderDismissed(state, kind, Date.now()));
    },
    [state],
  );

  return { due, later };
}
