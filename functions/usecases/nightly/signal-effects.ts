import { dashboardPath } from '../../../shared/links';
import { ageOn, type DaySummary, profileFor, type Signal } from '../../../shared/policy';
import type { DomainEvent } from '../../events/types';
import { appendAudit } from '../../store/audit-repository';
import { createReport } from '../../store/reports-repository';
import type { WatchedReport } from '../../store/signal-state-repository';
import type { StudentRecord } from '../../store/students';
import { createTask } from '../../store/tasks-repository';
import type { Expiring, Report, Task } from '../reports/model';
import { type Directory, link, type NightlyConfig, type NightlyDeps, studentExpiry } from './ports';

export interface SignalOutcome {
  events: DomainEvent[];
  watched?: WatchedReport;
  mails: number;
}

/** Report ids come from the signal's deterministic id, so a replay finds the report it made before. */
export const reportIdFor = (signal: Signal): string =>
  `${signal.studentId}.${signal.period.from}`.replace(/[^\w.-]/g, '_');

/**
 * Turns one new signal into its effects: a report or task (conditional put, once), mails
 * (deterministic ids, once) and, the first time only, domain events.
 */
export async function applySignal(
  deps: NightlyDeps,
  directory: Directory,
  student: StudentRecord,
  signal: Signal,
  asOf: string,
  days: readonly DaySummary[] = [],
): Promise<SignalOutcome> {
  const { outbox, config, store } = deps;
  const coach = directory.staff(student.coachId);
  const officers = directory.withRole('attendance_officer');
  const studentName = student.displayName;
  const events: DomainEvent[] = [];
  let mails = 0;
  const mail = async (...args: Parameters<typeof outbox.enqueue>) => {
    if (await outbox.enqueue(...args)) mails++;
  };
  const signalSent = () =>
    events.push({
      type: 'signal.sent',
      signalId: signal.id,
      kind: signal.kind,
      studentId: student.studentId,
      asOf,
    });

  switch (signal.kind) {
    case 'signal8': {
      await mail({
        id: `${signal.id}:student`,
        template: 'signal8.student',
        to: [student.email],
        data: {
          studentName,
          minutes: signal.totalMinutes,
          reportAtMinutes: profileFor(student).reportMinutes,
        },
      });
      if (config.mailGuardians && student.guardianEmail && ageOn(student.birthDate, asOf) < 18) {
        await mail({
          id: `${signal.id}:guardian`,
          template: 'signal8.guardian',
          to: [student.guardianEmail],
          data: { guardianOf: studentName, minutes: signal.totalMinutes },
        });
      }
      if (mails > 0) signalSent();
      return { events, mails };
    }
    case 'report16': {
      const reportId = reportIdFor(signal);
      const report: Expiring<Report> = {
        reportId,
        signalId: signal.id,
        studentId: student.studentId,
        studentName,
        teamId: student.teamId,
        coachId: student.coachId,
        routeX: !signal.reportToDuo,
        addressee: signal.duoRecipient === 'LPA' ? 'lpa' : signal.duoRecipient === 'RMC' ? 'rmc' : 'none',
        from: signal.period.from,
        to: signal.period.to,
        unauthorizedMinutes: signal.totalMinutes,
        absentDays: signal.minutesByDay.filter((d) => d.minutes > 0).length,
        allLessonsMissed: allLessonsMissed(days, signal.period.from, signal.period.to),
        createdOn: asOf,
        dueDate: signal.dueDate,
        status: 'open',
        actions: [],
        version: 1,
        expiresAt: studentExpiry(config, student, asOf),
      };
      if (await createReport(store, report)) {
        await audit(deps, 'report', reportId, 'created', report, asOf, student.studentId, report.expiresAt);
        events.push({
          type: 'report.created',
          reportId,
          studentId: student.studentId,
          teamId: student.teamId,
          asOf,
          routeX: report.routeX,
        });
        signalSent();
      }
      if (coach) {
        await mail({
          id: `${signal.id}:coach`,
          template: 'report16.coach',
          to: [coach.email],
          data: {
            coachName: coach.name,
            studentName,
            minutes: signal.totalMinutes,
            from: signal.period.from,
            to: signal.period.to,
            dueDate: signal.dueDate,
            url: link(config, dashboardPath.report(reportId)),
          },
        });
      }
      return {
        events,
        mails,
        watched: {
          reportId,
          from: signal.period.from,
          to: signal.period.to,
          totalMinutes: signal.totalMinutes,
        },
      };
    }
    case 'signal4w': {
      const task = signalTask(config, signal, student, 'signal4w', asOf);
      if (await createTask(store, task)) {
        await audit(deps, 'task', task.taskId, 'created', task, asOf, student.studentId, task.expiresAt);
        signalSent();
      }
      const url = link(config, dashboardPath.worklist());
      for (const officer of officers) {
        await mail({
          id: `${signal.id}:officer:${officer.staffId}`,
          template: 'signal4w.officer',
          to: [officer.email],
          data: {
            officerName: officer.name,
            studentName,
            coachName: coach?.name ?? '',
            from: signal.period.from,
            url,
          },
        });
      }
      if (coach) {
        await mail({
          id: `${signal.id}:coach`,
          template: 'signal4w.coach',
          to: [coach.email],
          data: { coachName: coach.name, studentName, from: signal.period.from },
        });
      }
      return { events, mails };
    }
    case 'sick_repeated':
    case 'sick_long': {
      const task = signalTask(config, signal, student, 'sick_pattern', asOf);
      if (await createTask(store, task)) {
        await audit(deps, 'task', task.taskId, 'created', task, asOf, student.studentId, task.expiresAt);
        signalSent();
      }
      if (coach) {
        await mail({
          id: `${signal.id}:coach`,
          template: 'sick.coach',
          to: [coach.email],
          data: {
            coachName: coach.name,
            studentName,
            url: link(config, dashboardPath.student(student.studentId)),
          },
        });
      }
      return { events, mails };
    }
    case 'suspension_check': {
      // Ch. 3: suspension is never reported and never mailed to the student; beyond 5 school
      // days the attendance officer checks the data.
      const task = {
        ...signalTask(config, signal, student, 'suspension_check', asOf),
        explanation: `Controleer de registratie: schorsing langer dan 5 schooldagen (vanaf ${signal.period.from}).`,
      };
      if (await createTask(store, task)) {
        await audit(deps, 'task', task.taskId, 'created', task, asOf, student.studentId, task.expiresAt);
        signalSent();
      }
      const url = link(config, dashboardPath.worklist());
      for (const officer of officers) {
        await mail({
          id: `${signal.id}:officer:${officer.staffId}`,
          template: 'task.assignee',
          to: [officer.email],
          data: { assigneeName: officer.name, studentName, task: 'suspension_check', url },
        });
      }
      return { events, mails };
    }
    case 'frequent': {
      await mail({
        id: `${signal.id}:student`,
        template: 'frequent.student',
        to: [student.email],
        data: { studentName },
      });
      if (coach) {
        await mail({
          id: `${signal.id}:coach`,
          template: 'frequent.coach',
          to: [coach.email],
          data: {
            coachName: coach.name,
            studentName,
            url: link(config, dashboardPath.student(student.studentId)),
          },
        });
      }
      if (mails > 0) signalSent();
      return { events, mails };
    }
  }
}

function signalTask(
  config: NightlyConfig,
  signal: Signal,
  student: StudentRecord,
  kind: Task['kind'],
  asOf: string,
): Expiring<Task> {
  return {
    taskId: `${signal.id}`.replace(/[^\w.-]/g, '_'),
    kind,
    role: 'attendance_officer',
    studentId: student.studentId,
    studentName: student.displayName,
    teamId: student.teamId,
    status: 'open',
    createdOn: asOf,
    explanation: '',
    version: 1,
    expiresAt: studentExpiry(config, student, asOf),
  };
}

/** For DUO: did the student miss every registered lesson on every school day of the period? */
function allLessonsMissed(days: readonly DaySummary[], from: string, to: string): boolean {
  const inPeriod = days.filter((d) => d.date >= from && d.date <= to && d.lessons > 0);
  return inPeriod.length > 0 && inPeriod.every((d) => d.unauthorizedAbsentLessons === d.lessons);
}

/**
 * The nightly run's own changes go into the audit trail too, by `nightly`, stamped with the run's
 * date. The entry expires with the record it is about (`expiresAt`: that record's).
 */
export function audit(
  deps: NightlyDeps,
  entity: 'report' | 'task' | 'case',
  entityId: string,
  what: string,
  after: unknown,
  asOf: string,
  studentId: string,
  expiresAt: number,
  before: unknown = null,
): Promise<void> {
  return appendAudit(
    deps.store,
    {
      entity,
      entityId,
      at: new Date().toISOString(),
      by: 'nightly',
      what: `${what} (as of ${asOf})`,
      before,
      after,
    },
    expiresAt,
    studentId,
  );
}
