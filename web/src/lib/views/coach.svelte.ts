import type { CoachStudentRow } from '../../../../shared/api/coach';
import type { StudentReportGroup } from '../../../../shared/api/reports';

/** The coach's lists: the grouped open reports with one action for several, and "Mijn studenten". */

export type GroupFact =
  | { key: 'group.open' | 'group.overdue'; n: number }
  | { key: 'group.fourWeek' }
  | { key: 'group.left'; date: string };

/** "5 open, 4 te laat, 4-wekensignaal, uitgeschreven 25-11": what the group's row says, in order. */
export function groupFacts(
  g: Pick<StudentReportGroup, 'open' | 'overdue' | 'fourWeekSignal' | 'leftOn'>,
): GroupFact[] {
  const facts: GroupFact[] = [{ key: 'group.open', n: g.open }];
  if (g.overdue > 0) facts.push({ key: 'group.overdue', n: g.overdue });
  if (g.fourWeekSignal) facts.push({ key: 'group.fourWeek' });
  if (g.leftOn) facts.push({ key: 'group.left', date: g.leftOn });
  return facts;
}

/**
 * Which reports the coach chose for one action. A choice belongs to one student: choosing a
 * report of another student starts a new choice, so one action never spans students.
 */
export class Selection {
  studentId = $state<string | null>(null);
  ids = $state<string[]>([]);
  count = $derived(this.ids.length);

  has(reportId: string): boolean {
    return this.ids.includes(reportId);
  }

  toggle(studentId: string, reportId: string) {
    if (this.studentId !== studentId) {
      this.studentId = studentId;
      this.ids = [reportId];
    } else this.ids = this.has(reportId) ? this.ids.filter((id) => id !== reportId) : [...this.ids, reportId];
    if (this.ids.length === 0) this.studentId = null;
  }

  /** All of a student's reports, or none when all were chosen. */
  toggleAll(studentId: string, reportIds: readonly string[]) {
    const all = this.studentId === studentId && reportIds.every((id) => this.has(id));
    this.studentId = all ? null : studentId;
    this.ids = all ? [] : [...reportIds];
  }

  allOf(studentId: string, reportIds: readonly string[]): boolean {
    return this.studentId === studentId && reportIds.length > 0 && reportIds.every((id) => this.has(id));
  }

  clear() {
    this.studentId = null;
    this.ids = [];
  }
}

export type StudentSort = 'hours' | 'name';

/** "Mijn studenten" by hours (most first, then marked first) or by name. */
export function sortStudents(rows: readonly CoachStudentRow[], by: StudentSort): CoachStudentRow[] {
  const byName = (a: CoachStudentRow, b: CoachStudentRow) =>
    a.student.displayName.localeCompare(b.student.displayName);
  return [...rows].sort(
    by === 'name'
      ? byName
      : (a, b) =>
          b.unauthorizedMinutes - a.unauthorizedMinutes || b.marks.length - a.marks.length || byName(a, b),
  );
}

/** A mark's threshold in whole hours, for "bijna 8 uur" / "bijna 16 uur" (Route-X has its own norm). */
export function markHours(
  row: Pick<CoachStudentRow, 'signalMinutes' | 'reportMinutes'>,
  mark: 'near8' | 'near16',
): number {
  return Math.round((mark === 'near8' ? row.signalMinutes : row.reportMinutes) / 60);
}
