/** One entry of the audit trail: who changed (or read) what, when, and the record before and after. */
export interface AuditEntry {
  /**
   * `student`: a read of a student's data on the dashboard (who looked, when, at what). `staff`:
   * something done to a staff member that changes no record (a manager's reminder to a coach).
   * `setting`: the administrator's edit of the calendar or the norm profiles; `notice`: a portal
   * notice posted or withdrawn on the dashboard.
   */
  entity: 'report' | 'task' | 'case' | 'student' | 'staff' | 'setting' | 'notice';
  entityId: string;
  at: string;
  by: string;
  what: string;
  before: unknown;
  after: unknown;
  /** For a read: what it showed, so that "who saw my data" has an answer. */
  seen?: SeenStudents;
}

/**
 * What a read of a list or an export showed: the unit and the period asked for (absent when the
 * read names none) and the students on it. `studentIds` holds at most `SEEN_CAP` ids, in the
 * order shown; `studentCount` is how many there were in all.
 */
export interface SeenStudents {
  unitId?: string;
  from?: string;
  to?: string;
  studentIds: string[];
  studentCount: number;
}

/** At most this many student ids are kept per read: enough for any page or export, and bounded. */
export const SEEN_CAP = 500;

/** The students a read showed, each once, in the order shown, capped at `SEEN_CAP`. */
export function seenStudents(
  scope: { unitId?: string | null; from?: string | null; to?: string | null },
  studentIds: Iterable<string>,
): SeenStudents {
  const unique = [...new Set(studentIds)];
  return {
    ...(scope.unitId ? { unitId: scope.unitId } : {}),
    ...(scope.from ? { from: scope.from } : {}),
    ...(scope.to ? { to: scope.to } : {}),
    studentIds: unique.slice(0, SEEN_CAP),
    studentCount: unique.length,
  };
}
