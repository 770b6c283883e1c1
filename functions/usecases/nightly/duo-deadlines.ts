import { dashboardPath } from '../../../shared/links';
import { remindsOn } from '../../../shared/policy/duo-deadlines';
import { addDays } from '../../domain/dates';
import { awaitsEndDate, duoToSubmit, endDateFrom, proposeEndDate } from '../../domain/duo';
import type { Task } from '../../domain/task';
import { listDaySummaries } from '../../store/day-summaries';
import { listTeamReports } from '../../store/reports-repository';
import { studentItemExpiry } from '../../store/retention';
import { getStudent } from '../../store/students';
import { listTasksByKind, saveTask } from '../../store/tasks-repository';
import { nightlyChange } from '../effects/audit';
import { commitWith } from '../effects/commit';
import { notify, queueNotice } from '../effects/notify';
import { type Directory, link, type NightlyDeps } from './ports';

/**
 * The mail reminding one reader of one term: its id names the record and the reader, not the
 * run's date, so a rerun, or the nights until the term passes, record it only once.
 */
export const deadlineMailId = (recordId: string, term: 'report' | 'duo', staffId: string): string =>
  `deadline.${term}.${recordId}.${staffId}`;

/** A report's coach term is at most a few weeks after it was made (2 working days, holidays between). */
const REPORT_LOOKBACK_DAYS = 21;

/**
 * "Melden ja": the coach is reminded of a report still without an action, the attendance officers
 * of a DUO report not yet submitted, on the working day before its term ends (or, if that night
 * was missed, on a later night before it passes). Once each.
 */
export async function remindDeadlines(
  deps: NightlyDeps,
  directory: Directory,
  asOf: string,
): Promise<number> {
  return (await remindCoaches(deps, directory, asOf)) + (await remindOfficers(deps, directory, asOf));
}

/**
 * Reminded on a night before the term passes, but not by the run that made the record: its own
 * mail (the report's, the task's) already names the term.
 */
const dueForReminder = (deps: NightlyDeps, record: { createdOn: string }, due: string, asOf: string) =>
  record.createdOn < asOf && remindsOn(deps.calendar, due, asOf);

async function remindCoaches(deps: NightlyDeps, directory: Directory, asOf: string): Promise<number> {
  let queued = 0;
  const teams = directory.orgUnits.filter((u) => u.kind === 'team');
  for (const team of teams) {
    const open = await listTeamReports(deps.store, team.id, 'open', addDays(asOf, -REPORT_LOOKBACK_DAYS));
    for (const report of open) {
      if (report.status !== 'open' || !dueForReminder(deps, report, report.dueDate, asOf)) continue;
      const coach = directory.staff(report.coachId);
      if (!coach) continue;
      const notice = notify(coach.email, 'deadline.reminder', {
        readerName: coach.name,
        studentName: report.studentName,
        term: 'report',
        from: report.from,
        to: report.to,
        dueDate: report.dueDate,
        url: link(deps.config, dashboardPath.report(report.reportId)),
      });
      const id = deadlineMailId(report.reportId, 'report', coach.staffId);
      if (await queueNotice(deps.outbox, id, notice, [report.studentId])) queued++;
    }
  }
  return queued;
}

async function remindOfficers(deps: NightlyDeps, directory: Directory, asOf: string): Promise<number> {
  let queued = 0;
  for (const task of await openDuoTasks(deps)) {
    if (!duoToSubmit(task) || !task.dueDate || !dueForReminder(deps, task, task.dueDate, asOf)) continue;
    const duo = task.duo as NonNullable<Task['duo']>;
    for (const officer of directory.withRole('attendance_officer')) {
      const notice = notify(officer.email, 'deadline.reminder', {
        readerName: officer.name,
        studentName: task.studentName,
        term: 'duo',
        from: duo.from,
        to: duo.to,
        dueDate: task.dueDate,
        url: link(deps.config, dashboardPath.worklist()),
      });
      const id = deadlineMailId(task.taskId, 'duo', officer.staffId);
      if (await queueNotice(deps.outbox, id, notice, [task.studentId])) queued++;
    }
  }
  return queued;
}

async function openDuoTasks(deps: NightlyDeps): Promise<Task[]> {
  return (
    await Promise.all(
      (['open', 'in_progress'] as const).map((s) => listTasksByKind(deps.store, 'duo_report', s)),
    )
  ).flat();
}

/** A day on which the student attended a lesson (late or leaving early is attending too). */
const ATTENDED: ReadonlySet<string> = new Set(['present', 'late', 'left_early']);

/**
 * DUO's end date: the first day the student attends again after a 16-hour, long-absence or RMC
 * report, or the day they left, puts "register the end date" on the report's DUO task with the
 * date filled in (the attendance officer confirms it). Done tasks too: the end date comes later.
 */
export async function proposeEndDates(deps: NightlyDeps, asOf: string): Promise<number> {
  const tasks = (
    await Promise.all(
      (['open', 'in_progress', 'done'] as const).map((s) => listTasksByKind(deps.store, 'duo_report', s)),
    )
  ).flat();
  let proposed = 0;
  for (const task of tasks.filter(awaitsEndDate)) {
    const duo = task.duo as NonNullable<Task['duo']>;
    if (duo.to >= asOf) continue;
    const student = await getStudent(deps.store, task.studentId);
    const days = await listDaySummaries(deps.store, task.studentId, addDays(duo.to, 1), asOf);
    const found = endDateFrom(
      duo.to,
      days.map((d) => ({ date: d.date, attended: d.registrations.some((r) => ATTENDED.has(r.status)) })),
      student?.leftOn !== undefined && student.leftOn <= asOf ? student.leftOn : undefined,
    );
    if (!found) continue;
    const next = proposeEndDate(task, found, asOf);
    const audit = nightlyChange(asOf, {
      entity: 'task',
      entityId: task.taskId,
      what: 'end date proposed',
      before: task,
      after: next,
      studentId: task.studentId,
      expiresAt: task.expiresAt ?? studentItemExpiry(student, asOf, deps.config.retentionYears),
    });
    await commitWith({ store: deps.store }, { audit: [audit] }, (store) =>
      saveTask(store, next, task.version),
    );
    proposed++;
  }
  return proposed;
}
