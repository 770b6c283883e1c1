import type { LuxuryHints } from '../../../shared/api/luxury';
import { addDays, localDate } from '../../domain/dates';
import type { Store } from '../../store/client';
import { listLuxuryHints } from '../../store/luxury-hints';

/** How far back the worklist shows hints: long enough to cover the last holiday and its edges. */
const HINT_WEEKS = 6;

/** Possible luxury absence of the last weeks, newest first (the nightly run keeps the hints, AP 43). */
export async function luxuryHints(store: Store, now: Date): Promise<LuxuryHints> {
  const to = localDate(now);
  const from = addDays(to, -7 * HINT_WEEKS);
  const hints = await listLuxuryHints(store, from, to);
  return {
    from,
    to,
    hints: hints
      .sort((a, b) => b.date.localeCompare(a.date) || a.studentName.localeCompare(b.studentName))
      .map((h) => ({
        student: { studentId: h.studentId, displayName: h.studentName, teamId: h.teamId, coachId: h.coachId },
        date: h.date,
        holiday: h.holiday,
        side: h.side,
        unauthorizedMinutes: h.unauthorizedMinutes,
      })),
  };
}
