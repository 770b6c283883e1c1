import { translate } from '../../../shared/i18n';
import { dashboardPath } from '../../../shared/links';
import { ageOn, type DaySummary, profileFor, type Signal } from '../../../shared/policy';
import type { Expiring } from '../../domain/expiring';
import type { Report } from '../../domain/report';
import { newTask, type Task, type TaskKind, type TaskSubject } from '../../domain/task';
import type { DomainEvent } from '../../events/types';
import { reportIdFor, signalTaskId } from '../../store/record-ids';
import { createReport } from '../../store/reports-repository';
import { studentItemExpiry } from '../../store/retention';
import type { WatchedReport } from '../../store/signal-state-repository';
import type { StudentRecord } from '../../store/students';
import { createTask } from '../../store/tasks-repository';
import { auditByNightly } from '../effects/audit';
import { type Notice, notify, notifyAssignee } from '../effects/notify';
import type { MailDraft } from './mail-batch';
import { type Directory, link, type NightlyConfig, type NightlyDeps } from './ports';

export interface SignalOutcome {
  events: DomainEvent[];
  watched?: WatchedReport;
  /** What the signal tells whom; the run sends them combined (`batchMails`). */
  drafts: MailDraft[];
}

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
  const mail = (notice: Notice, extra: { signal8?: boolean; told?: boolean } = {}) =>
    drafts.push({
      ...notice,
      studentId: student.studentId,
      period,
      ...(extra.signal8 ? { signal8: true } : {}),
      ...(extra.told ? { event: sent } : {}),
    });
  const created = (
    entity: 'report' | 'task',
    entityId: string,
    record: { studentId: string; expiresAt: number },
  ) =>
    auditByNightly(deps.store, asOf, {
      entity,
      entityId,
      what: 'created',
      after: record,
      studentId: record.studentId,
      expiresAt: record.expiresAt,
    });

  switch (signal.kind) {
    case 'signal8': {
      mail(
        notify(student.email, 'signal8.student', {
          studentName,
          minutes: signal.totalMinutes,
          reportAtMinutes: profileFor(student).reportMinutes,
          ...period,
        }),
        { signal8: true, told: true },
      );
      if (config.mailGuardians && student.guardianEmail && ageOn(student.birthDate, asOf) < 18) {
        mail(
          notify(student.guardianEmail, 'signal8.guardian', {
            guardianOf: studentName,
            minutes: signal.totalMinutes,
            ...period,
          }),
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
        await created('report', reportId, report);
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
        mail(
          notify(coach.email, 'report16.coach', {
            coachName: coach.name,
            studentName,
            minutes: signal.totalMinutes,
            ...period,
            dueDate: signal.dueDate,
            url: link(config, dashboardPath.report(reportId)),
          }),
        );
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
        await created('task', task.taskId, task);
        signalSent();
      }
      const url = link(config, dashboardPath.worklist());
      for (const officer of officers) {
        mail(
          notify(officer.email, 'signal4w.officer', {
            officerName: officer.name,
            studentName,
            coachName: coach?.name ?? '',
            ...period,
            url,
          }),
        );
      }
      if (coach)
        mail(notify(coach.email, 'signal4w.coach', { coachName: coach.name, studentName, ...period }));
      return { events, drafts };
    }
    case 'sick_repeated':
    case 'sick_long': {
      const task = signalTask(config, signal, student, 'sick_pattern', asOf);
      if (await createTask(store, task)) {
        await created('task', task.taskId, task);
        signalSent();
      }
      if (coach) {
        mail(
          notify(coach.email, 'sick.coach', {
            coachName: coach.name,
            studentName,
            ...period,
            url: link(config, dashboardPath.student(student.studentId)),
          }),
        );
      }
      return { events, drafts };
    }
    case 'suspension_check': {
      // Ch. 3: suspension is never reported and never mailed to the student; beyond 5 school
      // days the attendance officer checks the data.
      const task = signalTask(
        config,
        signal,
        student,
        'suspension_check',
        asOf,
        translate('nl', 'task.suspension_check.explanation', { from: signal.period.from }),
      );
      if (await createTask(store, task)) {
        await created('task', task.taskId, task);
        signalSent();
      }
      const url = link(config, dashboardPath.worklist());
      for (const officer of officers) mail(notifyAssignee(officer, task, { period, url }));
      return { events, drafts };
    }
    case 'frequent': {
      mail(notify(student.email, 'frequent.student', { studentName, ...period }), { told: true });
      if (coach) {
        mail(
          notify(coach.email, 'frequent.coach', {
            coachName: coach.name,
            studentName,
            ...period,
            url: link(config, dashboardPath.student(student.studentId)),
          }),
        );
      }
      return { events, drafts };
    }
  }
}

/** The attendance officer's task a signal asks for, once per signal (its id is the signal's). */
function signalTask(
  config: NightlyConfig,
  signal: Signal,
  student: StudentRecord,
  kind: TaskKind,
  asOf: string,
  explanation = '',
): Expiring<Task> {
  return {
    ...newTask({
      taskId: signalTaskId(signal),
      kind,
      about: subjectOf(student),
      createdOn: asOf,
      explanation,
    }),
    expiresAt: studentItemExpiry(student, asOf, config.retentionYears),
  };
}

/** A student as a task names them. */
const subjectOf = (student: StudentRecord): TaskSubject => ({
  studentId: student.studentId,
  studentName: student.displayName,
  teamId: student.teamId,
});

/** For DUO: did the student miss every registered lesson on every school day of the period? */
function allLessonsMissed(days: readonly DaySummary[], from: string, to: string): boolean {
  const inPeriod = days.filter((d) => d.date >= from && d.date <= to && d.lessons > 0);
  return inPeriod.length > 0 && inPeriod.every((d) => d.unauthorizedAbsentLessons === d.lessons);
}
