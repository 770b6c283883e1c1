import { dashboardPath } from '../../../shared/links';
import { ageOn, type DaySummary, profileFor, type Signal } from '../../../shared/policy';
import type { DomainEvent } from '../../events/types';
import { appendAudit } from '../../store/audit-repository';
import { createReport } from '../../store/reports-repository';
import { studentItemExpiry } from '../../store/retention';
import type { WatchedReport } from '../../store/signal-state-repository';
import type { StudentRecord } from '../../store/students';
import { createTask } from '../../store/tasks-repository';
import type { Expiring, Report, Task } from '../reports/model';
import type { MailDraft } from './mail-batch';
import { type Directory, link, type NightlyConfig, type NightlyDeps } from './ports';

export interface SignalOutcome {
  events: DomainEvent[];
  watched?: WatchedReport;
  /** What the signal tells whom; the run sends them combined (`batchMails`). */
  drafts: MailDraft[];
}

/** Report ids come from the signal's deterministic id, so a replay finds the report it made before. */
export const reportIdFor = (signal: Signal): string =>
  `${signal.studentId}.${signal.period.from}`.replace(/[^\w.-]/g, '_');

/**
 * Turns one new signal into its effects: a report or task (conditional put, once), the mails it
 * asks for (drafts; the run sends them combined per reader) and, the first time only, domain events.
 */
export async function applySignal(
  deps: NightlyDeps,
  directory: Directory,
  student: StudentRecord,
  signal: Signal,
  asOf: string,
  days: readonly DaySummary[] = [],
): Promise<SignalOutcome> {
  const { config, store } = deps;
  const coach = directory.staff(student.coachId);
  const officers = directory.withRole('attendance_officer');
  const studentName = student.displayName;
  const events: DomainEvent[] = [];
  const drafts: MailDraft[] = [];
  const period = signal.period;
  const sent: DomainEvent = {
    type: 'signal.sent',
    signalId: signal.id,
    kind: signal.kind,
    studentId: student.studentId,
    asOf,
  };
  const signalSent = () => events.push(sent);
  // An 8-hour or frequent-absence signal leaves no record but its mail: told once that mail is recorded.
  const mail = <T extends MailDraft['template']>(
    template: T,
    to: string,
    data: MailDraft<T>['data'],
    extra: { signal8?: boolean; told?: boolean } = {},
  ) =>
    drafts.push({
      template,
      to,
      studentId: student.studentId,
      period,
      data,
      ...(extra.signal8 ? { signal8: true } : {}),
      ...(extra.told ? { event: sent } : {}),
    } as MailDraft);

  switch (signal.kind) {
    case 'signal8': {
      mail(
        'signal8.student',
        student.email,
        {
          studentName,
          minutes: signal.totalMinutes,
          reportAtMinutes: profileFor(student).reportMinutes,
          ...period,
        },
        { signal8: true, told: true },
      );
      if (config.mailGuardians && student.guardianEmail && ageOn(student.birthDate, asOf) < 18) {
        mail(
          'signal8.guardian',
          student.guardianEmail,
          { guardianOf: studentName, minutes: signal.totalMinutes, ...period },
          { signal8: true },
        );
      }
      return { events, drafts };
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
        expiresAt: studentItemExpiry(student, asOf, config.retentionYears),
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
        mail('report16.coach', coach.email, {
          coachName: coach.name,
          studentName,
          minutes: signal.totalMinutes,
          ...period,
          dueDate: signal.dueDate,
          url: link(config, dashboardPath.report(reportId)),
        });
      }
      return {
        events,
        drafts,
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
        mail('signal4w.officer', officer.email, {
          officerName: officer.name,
          studentName,
          coachName: coach?.name ?? '',
          ...period,
          url,
        });
      }
      if (coach) mail('signal4w.coach', coach.email, { coachName: coach.name, studentName, ...period });
      return { events, drafts };
    }
    case 'sick_repeated':
    case 'sick_long': {
      const task = signalTask(config, signal, student, 'sick_pattern', asOf);
      if (await createTask(store, task)) {
        await audit(deps, 'task', task.taskId, 'created', task, asOf, student.studentId, task.expiresAt);
        signalSent();
      }
      if (coach) {
        mail('sick.coach', coach.email, {
          coachName: coach.name,
          studentName,
          ...period,
          url: link(config, dashboardPath.student(student.studentId)),
        });
      }
      return { events, drafts };
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
        mail('task.assignee', officer.email, {
          assigneeName: officer.name,
          studentName,
          task: 'suspension_check',
          ...period,
          url,
        });
      }
      return { events, drafts };
    }
    case 'frequent': {
      mail('frequent.student', student.email, { studentName, ...period }, { told: true });
      if (coach) {
        mail('frequent.coach', coach.email, {
          coachName: coach.name,
          studentName,
          ...period,
          url: link(config, dashboardPath.student(student.studentId)),
        });
      }
      return { events, drafts };
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
    expiresAt: studentItemExpiry(student, asOf, config.retentionYears),
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
