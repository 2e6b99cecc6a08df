/**
 * When the popup reminds the user to make a recovery key or a backup, without nagging: a
 * reminder shows on one day a week at most (one kind at a time, the recovery key first — nothing
 * else can bring back a forgotten password), and 「あとで」 hides that kind for a month. Pure: the
 * caller passes the time.
 */

const DAY = 24 * 60 * 60 * 1000;

export type ReminderKind = 'recovery' | 'backup';

/** Most urgent first. */
const KINDS: readonly ReminderKind[] = ['recovery', 'backup'];

export const REMINDER_TIMING = Object.freeze({
  /** A reminder, once shown, stays for the rest of this day (the popup closes easily). */
  showForMs: DAY,
  /** The next one shows a week after the last one first appeared. */
  everyMs: 7 * DAY,
  /** 「あとで」 hides that kind for a month. */
  dismissForMs: 30 * DAY,
});

/** What `storage.local` key `reminders` keeps (nothing secret). */
export interface ReminderState {
  /** When a reminder first appeared, and which. */
  shown: { kind: ReminderKind; at: number } | null;
  /** Until when each kind stays hidden after 「あとで」. */
  dismissedUntil: Partial<Record<ReminderKind, number>>;
}

export const NO_REMINDERS: Readonly<ReminderState> = Object.freeze({
  shown: null,
  dismissedUntil: {},
});

/** Which reminders apply now (no recovery key; accounts changed since the last backup). */
export type ReminderNeeds = Record<ReminderKind, boolean>;

/** The reminder to show at `now`, or `null`. */
export function dueReminder(
  state: ReminderState,
  needs: ReminderNeeds,
  now: number,
): ReminderKind | null {
  const open = KINDS.filter((kind) => needs[kind] && !((state.dismissedUntil[kind] ?? 0) > now));
  const { shown } = state;
  if (!shown) return open[0] ?? null;
  const since = now - shown.at;
  // A clock set back reads as "just shown": never a burst of reminders.
  if (since < REMINDER_TIMING.showForMs) return open.includes(shown.kind) ? shown.kind : null;
  return since >= REMINDER_TIMING.everyMs ? (open[0] ?? null) : null;
}

/** The state once `kind` is on screen at `now` (unchanged while the same showing lasts). */
export function reminderShown(
  state: ReminderState,
  kind: ReminderKind,
  now: number,
): ReminderState {
  const { shown } = state;
  if (shown?.kind === kind && now - shown.at < REMINDER_TIMING.showForMs) return state;
  return { ...state, shown: { kind, at: now } };
}

/** The state after 「あとで」 on `kind` at `now`. */
export function reminderDismissed(
  state: ReminderState,
  kind: ReminderKind,
  now: number,
): ReminderState {
  const dismissedUntil = { ...state.dismissedUntil, [kind]: now + REMINDER_TIMING.dismissForMs };
  return { ...state, dismissedUntil };
}

const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isKind = (value: unknown): value is ReminderKind => KINDS.includes(value as ReminderKind);

/** Reads the stored state tolerantly: anything broken counts as never shown, never dismissed. */
export function parseReminderState(raw: unknown): ReminderState {
  if (typeof raw !== 'object' || raw === null) return NO_REMINDERS;
  const { shown, dismissedUntil } = raw as Record<string, unknown>;
  const s = shown as Record<string, unknown> | null | undefined;
  const until: ReminderState['dismissedUntil'] = {};
  if (typeof dismissedUntil === 'object' && dismissedUntil !== null) {
    for (const [kind, at] of Object.entries(dismissedUntil)) {
      if (isKind(kind) && isTime(at)) until[kind] = at;
    }
  }
  return {
    shown: s && isKind(s.kind) && isTime(s.at) ? { kind: s.kind, at: s.at } : null,
    dismissedUntil: until,
  };
}
