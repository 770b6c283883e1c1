import { holidayEdges, luxuryAbsenceHints } from '../../../shared/policy';
import type { DaySummary } from '../../../shared/policy/types';
import { deleteLuxuryHint, putLuxuryHint } from '../../store/luxury-hints';
import type { StudentRecord } from '../../store/students';
import type { NightlyDeps } from './ports';

/**
 * Keeps the luxury-absence hints of the days that changed: a changed day next to a holiday gets
 * its hint written (unauthorized absence) or removed (not, or no longer). Days that did not change
 * keep what an earlier run wrote, so a run costs writes only for changed edge days.
 */
export async function recordLuxuryHints(
  deps: NightlyDeps,
  student: StudentRecord,
  days: readonly DaySummary[],
  changed: readonly string[],
): Promise<void> {
  if (changed.length === 0) return;
  const sorted = [...new Set(changed)].sort();
  const from = sorted[0] as string;
  const to = sorted.at(-1) as string;
  const touched = new Set(
    holidayEdges(deps.calendar, from, to)
      .map((e) => e.date)
      .filter((d) => sorted.includes(d)),
  );
  if (touched.size === 0) return;
  const hints = luxuryAbsenceHints(deps.calendar, days, from, to);
  for (const date of touched) {
    const hint = hints.find((h) => h.date === date);
    if (!hint) {
      await deleteLuxuryHint(deps.store, date, student.studentId);
      continue;
    }
    await putLuxuryHint(deps.store, {
      ...hint,
      studentId: student.studentId,
      studentName: student.displayName,
      teamId: student.teamId,
      coachId: student.coachId,
    });
  }
}
