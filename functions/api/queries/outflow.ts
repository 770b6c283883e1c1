import type { OutflowCaseView } from '../../../shared/api/outflow';
import { isEarlyLeaverCase, type OutflowCase, stepsOf } from '../../domain/case';
import { getCase, listCoachCases } from '../../store/cases-repository';
import type { Store } from '../../store/client';
import { listStaff } from '../../store/staff';

/** The coach's page: their outflow cases, open first, each with the steps it asks for. */

function caseView(c: OutflowCase, nameOf: (staffId: string) => string): OutflowCaseView {
  return {
    caseId: c.caseId,
    // The case keeps the student's name: a leaver's profile may be gone sooner than the case.
    student: { studentId: c.studentId, displayName: c.studentName, teamId: c.teamId, coachId: c.coachId },
    leftOn: c.leftOn,
    createdOn: c.createdOn,
    dueDate: c.dueDate ?? null,
    status: c.status,
    involveCounsellor: c.involveCounsellor,
    earlySchoolLeaver: isEarlyLeaverCase(c),
    steps: stepsOf(c).map((step) => {
      const mark = c.steps?.[step];
      return {
        step,
        done: mark !== undefined,
        by: mark ? nameOf(mark.by) : null,
        at: mark?.at ?? null,
        note: mark?.note ?? null,
      };
    }),
    rmcTaskId: c.rmcTaskId ?? null,
  };
}

export async function listOutflowCases(store: Store, coachId: string): Promise<OutflowCaseView[]> {
  const [open, done, staff] = await Promise.all([
    listCoachCases(store, coachId, 'open'),
    listCoachCases(store, coachId, 'done'),
    listStaff(store),
  ]);
  const names = new Map(staff.map((s) => [s.staffId, s.name]));
  const newestFirst = (a: OutflowCase, b: OutflowCase) => b.leftOn.localeCompare(a.leftOn);
  return [...open.sort(newestFirst), ...done.sort(newestFirst)].map((c) =>
    caseView(c, (id) => names.get(id) ?? id),
  );
}

/** Whose case it is: enough for the route to check scope. */
export async function getOutflowCaseOwner(
  store: Store,
  caseId: string,
): Promise<{ caseId: string; coachId: string; studentId: string } | null> {
  const c = await getCase(store, caseId);
  return c ? { caseId: c.caseId, coachId: c.coachId, studentId: c.studentId } : null;
}
