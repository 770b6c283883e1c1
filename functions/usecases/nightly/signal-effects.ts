import { translate } from '../../../shared/i18n';
import { dashboardPath } from '../../../shared/links';
import {
  ageOn,
  type DaySummary,
  type FourWeekSignal,
  type FrequentAbsence,
  profileFor,
  type Report16,
  type SickLong,
  type SickRepeated,
  type Signal,
  type Signal8,
  type SuspensionCheck,
} from '../../../shared/policy';
import type { Expiring } from '../../domain/expiring';
import { FOUR_WEEK_FLOW } from '../../domain/flows/four-week';
import type { Report } from '../../domain/report';
import { startFlow } from '../../domain/steps';
import { newTask, type Task, type TaskKind, type TaskSubject } from '../../domain/task';
import type { DomainEvent } from '../../events/types';
import type { Store } from '../../store/client';
import { domainEventId, reportIdFor, signalTaskId } from '../../store/record-ids';
import { createReport, listStudentReports } from '../../store/reports-repository';
import { studentItemExpiry } from '../../store/retention';
import type { WatchedReport } from '../../store/signal-state-repository';
import type { StudentRecord } from '../../store/students';
import { createTask } from '../../store/tasks-repository';
import { nightlyChange } from '../effects/audit';
import { commitWith } from '../effects/commit';
import { type Notice, notify, notifyAssignee } from '../effects/notify';
import type { MailDraft } from './mail-batch';
import { type Directory, link, type NightlyConfig, type NightlyDeps, type Person } from './ports';

export interface SignalOutcome {
  watched?: WatchedReport;
  /** What the signal tells whom; the run sends them combined (`batchMails`). */
  drafts: MailDraft[];
}

/**
 * Turns one new signal into its effects: a report or task (conditional put, once), the mails it
 * asks for (drafts; the run sends them combined per reader) and, the first time only, its audit
 * entry and domain events, in the outbox with the record (the run publishes them at its end).
 */
export function applySignal(
  deps: NightlyDeps,
  directory: Directory,
  student: StudentRecord,
  signal: Signal,
  asOf: string,
  days: readonly DaySummary[] = [],
): Promise<SignalOutcome> {
  const fx = effectsOf(deps, directory, student, signal, asOf);
  switch (signal.kind) {
    case 'signal8':
      return Promise.resolve(signal8Effects(fx, signal));
    case 'report16':
      return report16Effects(fx, signal, days);
    case 'signal4w':
      return fourWeekEffects(fx, signal);
    case 'sick_repeated':
    case 'sick_long':
      return sicknessEffects(fx, signal);
    case 'suspension_check':
      return suspensionEffects(fx, signal);
    case 'frequent':
      return Promise.resolve(frequentEffects(fx, signal));
  }
}

/** One signal's effects as they are gathered: who is told, and the steps every kind shares. */
interface Effects {
  deps: NightlyDeps;
  student: StudentRecord;
  asOf: string;
  coach: Person | undefined;
  officers: Person[];
  drafts: MailDraft[];
  /** Drafts a mail about the signal's period; `told` raises `signal.sent` once the mail is recorded. */
  mail: (notice: Notice, extra?: { signal8?: boolean; told?: boolean }) => void;
  /**
   * Creates the signal's report or task (`write`, a conditional put) in one transaction with its
   * audit entry, `signal.sent` and `events`; true when it was new.
   */
  created: (
    entity: 'report' | 'task',
    entityId: string,
    record: { studentId: string; expiresAt: number },
    write: (store: Store) => Promise<boolean>,
    events?: { eventId: string; event: DomainEvent }[],
  ) => Promise<boolean>;
}

function effectsOf(
  deps: NightlyDeps,
  directory: Directory,
  student: StudentRecord,
  signal: Signal,
  asOf: string,
): Effects {
  const drafts: MailDraft[] = [];
  const period = signal.period;
  const sent: DomainEvent = {
    type: 'signal.sent',
    signalId: signal.id,
    kind: signal.kind,
    studentId: student.studentId,
    asOf,
  };
  return {
    deps,
    student,
    asOf,
    coach: directory.staff(student.coachId),
    officers: directory.withRole('attendance_officer'),
    drafts,
    // An 8-hour or frequent-absence signal leaves no record but its mail: told once that mail is recorded.
    mail: (notice, extra = {}) =>
      drafts.push({
        ...notice,
        studentId: student.studentId,
        period,
        ...(extra.signal8 ? { signal8: true } : {}),
        ...(extra.told ? { event: sent } : {}),
      }),
    created: async (entity, entityId, record, write, events = []) => {
      const audit = nightlyChange(asOf, {
        entity,
        entityId,
        what: 'created',
        after: record,
        studentId: record.studentId,
        expiresAt: record.expiresAt,
      });
      const signalSent = { eventId: domainEventId('signal.sent', signal.id), event: sent };
      const { result } = await commitWith(
        { store: deps.store },
        { audit: [audit], events: [...events, signalSent] },
        write,
      );
      return result;
    },
  };
}

/** The 8-hour signal: a mail to the student and, if the school mails them, to a minor's guardian. */
function signal8Effects(fx: Effects, signal: Signal8): SignalOutcome {
  const { student, drafts } = fx;
  const studentName = student.displayName;
  const period = signal.period;
  fx.mail(
    notify(student.email, 'signal8.student', {
      studentName,
      ...(fx.coach ? { coachName: fx.coach.name } : {}),
      minutes: signal.totalMinutes,
      reportAtMinutes: profileFor(student, fx.deps.profiles).reportMinutes,
      ...(student.routeX ? { routeX: true } : {}),
      ...period,
    }),
    { signal8: true, told: true },
  );
  if (fx.deps.config.mailGuardians && student.guardianEmail && ageOn(student.birthDate, fx.asOf) < 18) {
    fx.mail(
      notify(student.guardianEmail, 'signal8.guardian', {
        guardianOf: studentName,
        minutes: signal.totalMinutes,
        ...period,
      }),
      { signal8: true },
    );
  }
  return { drafts };
}

/** The 16-hour report: created once (with its event), the coach told, and watched from now on. */
async function report16Effects(
  fx: Effects,
  signal: Report16,
  days: readonly DaySummary[],
): Promise<SignalOutcome> {
  const { deps, student, asOf, coach, drafts } = fx;
  const { config } = deps;
  const studentName = student.displayName;
  const period = signal.period;
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
    duoDeadline: signal.duoDeadline,
    status: 'open',
    actions: [],
    version: 1,
    expiresAt: studentItemExpiry(student, asOf, config.retentionYears),
  };
  const created = {
    type: 'report.created' as const,
    reportId,
    studentId: student.studentId,
    teamId: student.teamId,
    asOf,
    routeX: report.routeX,
  };
  await fx.created('report', reportId, report, (store) => createReport(store, report), [
    { eventId: domainEventId('report.created', reportId), event: created },
  ]);
  if (coach) {
    // The coach sees at once that this student has more waiting (issue #13, "Mails").
    const otherOpen = (await listStudentReports(deps.store, student.studentId)).filter(
      (r) => r.status === 'open' && r.reportId !== reportId,
    ).length;
    const data = {
      coachName: coach.name,
      studentName,
      minutes: signal.totalMinutes,
      ...period,
      dueDate: signal.dueDate,
      url: link(config, dashboardPath.report(reportId)),
      ...(otherOpen > 0 ? { otherOpen } : {}),
    };
    // A Route-X report is the school's own norm: its mail never speaks of 16 hours or DUO.
    fx.mail(
      report.routeX ? notify(coach.email, 'routex.coach', data) : notify(coach.email, 'report16.coach', data),
    );
  }
  return {
    drafts,
    watched: {
      reportId,
      from: signal.period.from,
      to: signal.period.to,
      totalMinutes: signal.totalMinutes,
    },
  };
}

/** Creates the signal's task once; its creation raises `signal.sent`. */
async function createSignalTask(fx: Effects, task: Expiring<Task>): Promise<void> {
  await fx.created('task', task.taskId, task, (store) => createTask(store, task));
}

/** The 4-week signal: a task for the attendance officers, who are mailed, and the coach told. */
async function fourWeekEffects(fx: Effects, signal: FourWeekSignal): Promise<SignalOutcome> {
  const { deps, student, asOf, coach, officers, drafts } = fx;
  const { config } = deps;
  const studentName = student.displayName;
  const period = signal.period;
  // The case with steps of appendix 4 §2 (functions/domain/flows/four-week.ts), about the run signalled.
  const task = startFlow(deps.calendar, FOUR_WEEK_FLOW, {
    ...signalTask(config, signal, student, 'signal4w', asOf),
    period: { from: period.from, to: period.to },
  });
  await createSignalTask(fx, task);
  const url = link(config, dashboardPath.worklist());
  for (const officer of officers) {
    fx.mail(
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
    fx.mail(
      notify(coach.email, 'signal4w.coach', {
        coachName: coach.name,
        studentName,
        ...period,
        url: link(config, dashboardPath.student(student.studentId)),
      }),
    );
  return { drafts };
}

/** A sickness pattern: a task for the attendance officer, and the coach told. */
async function sicknessEffects(fx: Effects, signal: SickRepeated | SickLong): Promise<SignalOutcome> {
  const { deps, student, asOf, coach, drafts } = fx;
  const { config } = deps;
  await createSignalTask(fx, signalTask(config, signal, student, 'sick_pattern', asOf));
  if (coach) {
    fx.mail(
      notify(coach.email, 'sick.coach', {
        coachName: coach.name,
        studentName: student.displayName,
        ...signal.period,
        url: link(config, dashboardPath.student(student.studentId)),
      }),
    );
  }
  return { drafts };
}

/**
 * Ch. 3: suspension is never reported and never mailed to the student; beyond 5 school days the
 * attendance officer checks the data.
 */
async function suspensionEffects(fx: Effects, signal: SuspensionCheck): Promise<SignalOutcome> {
  const { deps, student, asOf, officers, drafts } = fx;
  const { config } = deps;
  const task = signalTask(
    config,
    signal,
    student,
    'suspension_check',
    asOf,
    translate('nl', 'task.suspension_check.explanation', { from: signal.period.from }),
  );
  await createSignalTask(fx, task);
  const url = link(config, dashboardPath.worklist());
  for (const officer of officers) fx.mail(notifyAssignee(officer, task, { period: signal.period, url }));
  return { drafts };
}

/** Frequent absence: a mail to the student (that tells it) and to the coach. */
function frequentEffects(fx: Effects, signal: FrequentAbsence): SignalOutcome {
  const { deps, student, coach, drafts } = fx;
  const studentName = student.displayName;
  const counted = { ...signal.period, occurrences: [...signal.occurrences] };
  fx.mail(
    notify(student.email, 'frequent.student', {
      studentName,
      ...(coach ? { coachName: coach.name } : {}),
      ...counted,
    }),
    { told: true },
  );
  if (coach) {
    fx.mail(
      notify(coach.email, 'frequent.coach', {
        coachName: coach.name,
        studentName,
        ...counted,
        url: link(deps.config, dashboardPath.student(student.studentId)),
      }),
    );
  }
  return { drafts };
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
