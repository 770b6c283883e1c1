import type { ReportDetail, ReportSummary } from '../../../shared/api/reports';
import type { Task as ApiTask } from '../../../shared/api/worklist';
import { isOverdue } from '../../../shared/policy/duo-deadlines';
import type { OutflowCase } from '../../domain/case';
import { duoDeadlineOf, duoToSubmit } from '../../domain/duo';
import type { Report } from '../../domain/report';
import type { Task } from '../../domain/task';
import type { LiveDayEntry } from '../../store/day-summaries';

export function reportSummary(report: Report, today: string): ReportSummary {
  const last = report.actions.at(-1);
  const open = report.status === 'open' || report.status === 'conversation';
  return {
    reportId: report.reportId,
    kind: 'sixteen_hour',
    student: {
      studentId: report.studentId,
      displayName: report.studentName,
      teamId: report.teamId,
      coachId: report.coachId,
    },
    from: report.from,
    to: report.to,
    unauthorizedMinutes: report.unauthorizedMinutes,
    createdOn: report.createdOn,
    status: report.status,
    action: last?.action ?? null,
    dueDate: report.dueDate,
    overdue: report.status === 'open' && open && report.dueDate < today,
    // Older records may lack the flag; a report is Route-X only when it says so.
    routeX: report.routeX === true,
    duoDeadline: report.routeX || report.addressee === 'none' ? null : duoDeadlineOf(report),
  };
}

/**
 * The report's history: each action chosen and each "Actie afgerond" (the completion of the
 * coach's conversation: its own entry with the outcome, not a second conversation), by name,
 * with the report's status before and after.
 */
export function reportHistory(
  report: Report,
  nameOf: (staffId: string) => string | undefined,
): ReportDetail['history'] {
  const named = (by: string) => {
    const name = nameOf(by);
    return name ? { by, byName: name } : { by };
  };
  type Entry = ReportDetail['history'][number];
  const entries: Entry[] = [];
  for (const a of report.actions) {
    entries.push({
      at: a.at,
      ...named(a.by),
      what: 'action',
      action: a.action,
      explanation: a.explanation,
    });
    if (a.completedAt) {
      entries.push({
        at: a.completedAt,
        ...named(report.handledBy ?? a.by),
        what: 'completed',
        ...(a.outcome ? { outcome: a.outcome } : {}),
      });
    }
  }
  // Replay the statuses: a conversation keeps the report open ("conversation"), anything else handles it.
  let status = 'open';
  return entries
    .sort((x, y) => x.at.localeCompare(y.at))
    .map((e) => {
      const after = e.what === 'action' && e.action === 'coach_conversation' ? 'conversation' : 'handled';
      const entry = { ...e, statusBefore: status, statusAfter: after };
      status = after;
      return entry;
    });
}

export function reportDetail(
  report: Report,
  today: string,
  days: { date: string; registrations: LiveDayEntry[] }[],
  nameOf: (staffId: string) => string | undefined = () => undefined,
): ReportDetail {
  const lessons = days.flatMap((day) =>
    day.registrations
      .filter((r) => r.classification.kind === 'unauthorized')
      .map((r) => ({
        date: day.date,
        start: r.start,
        end: r.end,
        minutesMissed: r.classification.minutesMissed,
        ruleId: r.classification.ruleId,
      })),
  );
  return { ...reportSummary(report, today), lessons, history: reportHistory(report, nameOf) };
}

/** Names of staff and units, looked up once per request (undefined: not found). */
export interface TaskNames {
  staff(staffId: string): string | undefined;
  unit(orgUnitId: string): string | undefined;
}

const staffName = (names: TaskNames, staffId: string | undefined) => {
  const name = staffId ? names.staff(staffId) : undefined;
  return staffId && name !== undefined ? { staffId, name } : null;
};

/** The student's coach and team by name (none for a task about no student). */
function coachAndTeam(student: ApiTask['student'], names: TaskNames) {
  const team = student ? names.unit(student.teamId) : undefined;
  return {
    coach: staffName(names, student?.coachId),
    team: student && team !== undefined ? { orgUnitId: student.teamId, name: team } : null,
  };
}

export function apiTask(task: Task, student: ApiTask['student'], names: TaskNames, today: string): ApiTask {
  const last = task.duoRecord?.history.at(-1);
  const dueOn = task.dueDate ?? task.remindOn ?? null;
  // A DUO report is in time once DUO registered it; any other task once it is done.
  const pending = task.kind === 'duo_report' ? duoToSubmit(task) : task.status !== 'done';
  return {
    taskId: task.taskId,
    kind: task.kind,
    role: task.role,
    status: task.status,
    owner: staffName(names, task.ownerId),
    student,
    ...coachAndTeam(student, names),
    createdOn: task.createdOn,
    dueOn,
    period: task.period ?? null,
    explanation: task.explanation || null,
    reportId: task.reportId ?? null,
    duoStatus: task.kind === 'duo_report' ? (task.duoRecord?.status ?? last?.status ?? null) : null,
    ...(task.eightHours
      ? {
          eightHours: task.eightHours.map((l) => ({
            student: {
              studentId: l.studentId,
              displayName: l.studentName,
              teamId: l.teamId,
              coachId: l.coachId,
            },
            coachName: l.coachName,
            unauthorizedMinutes: l.unauthorizedMinutes,
            from: l.from,
            to: l.to,
          })),
        }
      : {}),
    ...(task.note ? { note: task.note } : {}),
    overdue: pending && isOverdue(dueOn ?? undefined, today),
    ...(task.duoEndDate
      ? {
          duoEndDate: {
            date: task.duoEndDate.date,
            why: task.duoEndDate.why,
            confirmed: task.duoEndDate.confirmedAt !== undefined,
          },
        }
      : {}),
  };
}

/** An outflow case shown among the tasks (read-only there: the case has its own life cycle). */
/** An outflow case on the officer's worklist: the coach's case (its owner), with the coach's term. */
export function outflowTask(
  c: OutflowCase,
  student: ApiTask['student'],
  names: TaskNames,
  today: string,
): ApiTask {
  return {
    taskId: c.caseId,
    kind: 'outflow',
    role: 'attendance_officer',
    status: c.status === 'done' ? 'done' : 'open',
    owner: staffName(names, c.coachId),
    student,
    ...coachAndTeam(student, names),
    createdOn: c.createdOn,
    dueOn: c.dueDate ?? null,
    period: null,
    explanation: null,
    reportId: null,
    duoStatus: null,
    overdue: c.status === 'open' && isOverdue(c.dueDate, today),
  };
}
