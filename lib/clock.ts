/** How far off the PC clock may be before codes risk being refused (Keycloak allows ±1 step). */
export const CLOCK_TOLERANCE_MS = 10_000;

/**
 * The server clock minus ours, from an HTTP `Date` header and the request's start and end: the
 * server stamped the reply somewhere in between, so its midpoint is our best guess. The header
 * has whole seconds, so the answer is good to about a second — plenty against a 10 s tolerance.
 * `null` for a missing or unreadable header.
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.date
 */
export function clockOffsetMs(
  dateHeader: string | null,
  sentAt: number,
  receivedAt: number,
): number | null {
  if (!dateHeader) return null;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return null;
  // The header truncates to the second: the server's true time is on average half a second later.
  return Math.round(server + 500 - (sentAt + receivedAt) / 2);
}

/** Whether an offset is large enough to warn about. */
export function isClockOff(offsetMs: number | null): offsetMs is number {
  return offsetMs !== null && Math.abs(offsetMs) > CLOCK_TOLERANCE_MS;
}

/** Reads a stored correction tolerantly (anything odd = none). */
export function parseClockOffset(raw: unknown): number {
  return typeof raw === 'number' && Number.isFinite(raw) && Math.abs(raw) < 86_400_000 ? raw : 0;
}
