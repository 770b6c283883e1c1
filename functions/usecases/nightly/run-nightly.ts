import { dashboardPath } from '../../../shared/links';
import {
  computeKpi,
  involvesOutflowCounsellor,
  isEarlySchoolLeaver,
  type KpiReport,
  routeXCounts,
} from '../../../shared/policy';
import { kpiWindow } from '../../../shared/policy/kpi';
import { OUTFLOW_CASE_WORKING_DAYS, type OutflowCase } from '../../domain/case';
import { addDays } from '../../domain/dates';
import type { Expiring } from '../../domain/expiring';
import { newTask, type Task } from '../../domain/task';
import type { FlushResult } from '../../mail/outbox';
import { clearOutflowPending, createCase, listOutflowPending } from '../../store/cases-repository';
import { type DirtyMark, listDirtyDays, settleChanges } from '../../store/change-log';
import { mapLimit } from '../../store/dynamo';
import { eventOutboxItem } from '../../store/event-outbox';
import { putKpiSnapshot } from '../../store/kpi-snapshots-repository';
import { clearNightlyFailure, listNightlyFailures, recordNightlyFailure } from '../../store/nightly-failures';
import { outflowCaseId, reminderTaskId } from '../../store/record-ids';
import { listTeamReports } from '../../store/reports-repository';
import { dateItemExpiry, studentItemExpiry } from '../../store/retention';
import { rewriteStudentExpiry } from '../../store/retention-rewrite';
import {
  listOpenWindowStudents,
  listRecheckStudents,
  loadStudentsAndSignals,
} from '../../store/signal-state-repository';
import { getStudent } from '../../store/students';
import { createTask, listTasksByKind } from '../../store/tasks-repository';
import { nightlyChange } from '../effects/audit';
import { commitWith, outboxEventOf, publishOutbox } from '../effects/commit';
import { notify, notifyAssignee } from '../effects/notify';
import { proposeEndDates, remindDeadlines } from './duo-deadlines';
import { evaluateOne } from './evaluate-student';
import { batchMails, type MailDraft, type Superseding } from './mail-batch';
import { type Directory, link, type NightlyDeps } from './ports';
import { createEightHourLists } from './signal8-list';
import { remindDueSteps } from './step-reminders';

/** Students whose profile and signal state are read together (50 a BatchGet request). */
const PREFETCH = 100;

export interface NightlyResult {
  asOf: string;
  candidates: number;
  evaluated: number;
  signals: number;
  withdrawn: number;
  reminders: number;
  /** Steps of cases that fell due and were reminded of (functions/usecases/nightly/step-reminders.ts). */
  stepReminders: number;
  /** "Melden ja": mails about a coach's or a DUO term that passes on the next working day. */
  deadlineReminders: number;
  /** DUO tasks that got "register the end date" (student back at school, or left). */
  endDatesProposed: number;
  outflowCases: number;
  /** The night's 8-hour lists on the officer's worklist (one per institution with signals). */
  eightHourLists: number;
  kpiUnits: number;
  mailsQueued: number;
  /** Students whose evaluation failed: recorded, and evaluated again by the next run. */
  failedStudents: number;
  /** Domain events published from the outbox at the end of the run. */
  eventsPublished: number;
  flush: FlushResult;
}

/**
 * The nightly run as of a date. Only students with changed days (change log), an
 * open window, or a held-back 16-hour report due by then (recheck index) are read; everything is written with deterministic ids and conditional puts, so
 * running again for the same date changes nothing and sends nothing new.
 *
 * A run may see weeks at once (history loaded, nights missed, a late correction): every report is
 * still made, but each reader gets one mail per kind, listing everything of that kind with its
 * period, and an 8-hour signal that a report of the same run already covers is not mailed. The
 * signal states are saved only after those mails are recorded, so a retry of the same date finds
 * the same signals and records the same mails (ids by date, template and reader), or none.
 */
export async function runNightly(deps: NightlyDeps, asOf: string): Promise<NightlyResult> {
  // Beyond the calendar every day would count as one without school: refuse (DateOutsideCalendarError).
  deps.calendar.assertCovers(asOf);
  const log = deps.log ?? (() => {});
  const directory = await deps.loadDirectory();
  const [dirty, openWindow, recheck, failures] = await Promise.all([
    listDirtyDays(deps.store),
    listOpenWindowStudents(deps.store),
    listRecheckStudents(deps.store, asOf),
    listNightlyFailures(deps.store),
  ]);

  // Days after asOf stay dirty: a replay of an earlier date must not swallow tomorrow's changes.
  const dirtyByStudent = new Map<string, DirtyMark[]>();
  for (const marker of dirty) {
    if (marker.date > asOf) continue;
    const list = dirtyByStudent.get(marker.studentId) ?? [];
    list.push(marker);
    dirtyByStudent.set(marker.studentId, list);
  }
  // A student an earlier run failed on: evaluated again, with the changed days it still owes.
  const retried = new Set(failures.map((f) => f.studentId));
  for (const failure of failures) {
    const owed = failure.dates
      .filter((date) => date <= asOf)
      .map((date) => ({ studentId: failure.studentId, date, changeId: '' }));
    dirtyByStudent.set(failure.studentId, [...(dirtyByStudent.get(failure.studentId) ?? []), ...owed]);
  }
  const candidates = [...new Set([...dirtyByStudent.keys(), ...openWindow, ...recheck])].sort();
  const result: NightlyResult = {
    asOf,
    candidates: candidates.length,
    evaluated: 0,
    signals: 0,
    withdrawn: 0,
    reminders: 0,
    stepReminders: 0,
    deadlineReminders: 0,
    endDatesProposed: 0,
    outflowCases: 0,
    eightHourLists: 0,
    kpiUnits: 0,
    mailsQueued: 0,
    failedStudents: 0,
    eventsPublished: 0,
    flush: { sent: 0, failed: 0, deferred: 0, cancelled: 0, givenUp: 0 },
  };
  const drafts: MailDraft[] = [];
  const reports: Superseding[] = [];
  const saves: { studentId: string; save: () => Promise<void> }[] = [];
  /**
   * One student's failure stops only that student: the change log is settled for everyone, so what
   * the student still owes (its changed days) goes into its failure record for the next run.
   */
  const failed = async (studentId: string, error: unknown) => {
    result.failedStudents++;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    (deps.logError ?? log)('nightly evaluation of a student failed', { studentId, asOf, error: reason });
    const dates = (dirtyByStudent.get(studentId) ?? []).map((m) => m.date);
    await recordNightlyFailure(deps.store, { studentId, asOf, dates: [...new Set(dates)], error: reason });
  };

  for (let i = 0; i < candidates.length; i += PREFETCH) {
    const chunk = candidates.slice(i, i + PREFETCH);
    // Profiles and signal states of a chunk in two requests; each student's days in one more.
    const known = await loadStudentsAndSignals(deps.store, chunk);
    await mapLimit(chunk, deps.concurrency ?? 16, async (studentId) => {
      const markers = dirtyByStudent.get(studentId) ?? [];
      let outcome: Awaited<ReturnType<typeof evaluateOne>>;
      try {
        outcome = await evaluateOne(deps, directory, studentId, asOf, markers, known.get(studentId));
      } catch (error) {
        // Its drafts and events are dropped with it: the retry finds the same signals again.
        return failed(studentId, error);
      }
      if (outcome.found) result.evaluated++;
      result.signals += outcome.signals;
      result.withdrawn += outcome.withdrawn;
      drafts.push(...outcome.drafts);
      reports.push(...outcome.reports);
      if (outcome.found) saves.push({ studentId, save: outcome.save });
      else if (retried.has(studentId)) await clearNightlyFailure(deps.store, studentId);
    });
  }
  result.reminders = await createReminders(deps, directory, asOf, drafts);
  const steps = await remindDueSteps(deps, directory, asOf, drafts);
  result.stepReminders = steps.reminded;
  // After the students' reports are made, so a report due tomorrow is reminded of tonight.
  result.deadlineReminders = await remindDeadlines(deps, directory, asOf);
  result.endDatesProposed = await proposeEndDates(deps, asOf);
  const outflow = await createOutflowCases(deps, directory, asOf, drafts);
  result.outflowCases = outflow.created;
  result.eightHourLists = await createEightHourLists(deps, directory, asOf, drafts, reports);

  for (const batch of batchMails(drafts, reports, asOf)) {
    // The signals a mail tells (`signal.sent`) go into the event outbox with the mail.
    const told = batch.events.map((event) =>
      eventOutboxItem(deps.store, { ...outboxEventOf(event), at: new Date().toISOString() }),
    );
    if (!(await deps.outbox.enqueue(batch.request, told))) continue;
    result.mailsQueued++;
  }
  // Only now that the mails are recorded: a crash before this finds the same signals (and steps due) again.
  await steps.save();
  await mapLimit(saves, deps.concurrency ?? 16, async ({ studentId, save }) => {
    try {
      await save();
    } catch (error) {
      // Its mails are recorded: the retry finds the same signals and records no mail twice.
      return failed(studentId, error);
    }
    if (retried.has(studentId)) await clearNightlyFailure(deps.store, studentId);
  });
  // Settled only once every student's effects are stored: a crash before this re-evaluates, harmlessly.
  await settleChanges(deps.store, dirty, asOf);
  await outflow.finish();
  result.kpiUnits = await snapshotKpi(deps, directory, asOf);

  result.flush = await deps.outbox.flush({ asOf });
  // This run's events, and any an earlier run or a dashboard action stored but did not publish.
  result.eventsPublished = await publishOutbox(deps.store, deps.bus);
  log('nightly run done', { ...result });
  return result;
}

/**
 * The officer's conversation as stored before it became a case with steps (`remindOn`, no
 * `flow`): a reminder task two weeks after it was planned (within a week of slack for replays).
 * A conversation with steps is reminded of each step on its day by `remindDueSteps`.
 */
async function createReminders(deps: NightlyDeps, directory: Directory, asOf: string, drafts: MailDraft[]) {
  let created = 0;
  for (const status of ['open', 'in_progress'] as const) {
    const due = await listTasksByKind(deps.store, 'officer_conversation', status, addDays(asOf, -7), asOf);
    for (const task of due) {
      if (task.flow || !task.remindOn) continue;
      const reminder: Expiring<Task> = {
        ...newTask({
          taskId: reminderTaskId(task.taskId),
          kind: 'conversation_reminder',
          about: task,
          reportId: task.reportId,
          createdOn: asOf,
          dueDate: task.followUntil,
          explanation: task.explanation,
        }),
        // Same student, same expiry as the conversation it reminds of (rewritten with it when they leave).
        expiresAt:
          task.expiresAt ??
          studentItemExpiry(await getStudent(deps.store, task.studentId), asOf, deps.config.retentionYears),
      };
      const audit = nightlyChange(asOf, {
        entity: 'task',
        entityId: reminder.taskId,
        what: 'created',
        after: reminder,
        studentId: reminder.studentId,
        expiresAt: reminder.expiresAt,
      });
      const { result: isNew } = await commitWith({ store: deps.store }, { audit: [audit] }, (store) =>
        createTask(store, reminder),
      );
      if (!isNew) continue;
      created++;
      // The conversation's follow-up is the period the reminder is about.
      const period = { from: task.createdOn, to: task.followUntil ?? asOf };
      const url = link(deps.config, dashboardPath.worklist());
      for (const officer of directory.withRole('attendance_officer')) {
        drafts.push({
          ...notifyAssignee(officer, reminder, { period, dueDate: task.followUntil, url }),
          studentId: task.studentId,
          period,
        });
      }
    }
  }
  return created;
}

/**
 * Every `student.left`: a case for the coach, who always involves STS-B (and for Entree and level 2
 * the outflow counsellor); it records whether the student leaves early, for the RMC report. Every
 * leaver also gets a last expiry sweep, in `finish`, after the run's mails are recorded (the
 * pending mark is cleared there).
 */
async function createOutflowCases(
  deps: NightlyDeps,
  directory: Directory,
  asOf: string,
  drafts: MailDraft[],
) {
  let created = 0;
  const done: { studentId: string; leftOn: string }[] = [];
  for (const pending of await listOutflowPending(deps.store)) {
    if (pending.leftOn > asOf) continue;
    const student = await getStudent(deps.store, pending.studentId);
    const leftOn = student?.leftOn ?? pending.leftOn;
    if (student) {
      const outflow: Expiring<OutflowCase> = {
        caseId: outflowCaseId(student.studentId, leftOn),
        studentId: student.studentId,
        studentName: student.displayName,
        teamId: student.teamId,
        coachId: student.coachId,
        leftOn,
        involveCounsellor: involvesOutflowCounsellor(student.level),
        earlySchoolLeaver: isEarlySchoolLeaver(student, leftOn),
        steps: {},
        status: 'open',
        createdOn: asOf,
        dueDate: deps.calendar.addWorkingDays(asOf, OUTFLOW_CASE_WORKING_DAYS),
        version: 1,
        // The student has left: RETENTION_YEARS after `leftOn`, like everything else about them.
        expiresAt: studentItemExpiry({ leftOn }, asOf, deps.config.retentionYears),
      };
      const audit = nightlyChange(asOf, {
        entity: 'case',
        entityId: outflow.caseId,
        what: 'created',
        after: outflow,
        studentId: outflow.studentId,
        expiresAt: outflow.expiresAt,
      });
      const { result: isNew } = await commitWith({ store: deps.store }, { audit: [audit] }, (store) =>
        createCase(store, outflow),
      );
      if (isNew) created++;
      const coach = directory.staff(student.coachId);
      if (coach) {
        drafts.push({
          ...notify(coach.email, 'outflow.coach', {
            coachName: coach.name,
            studentName: student.displayName,
            date: leftOn,
            counsellor: outflow.involveCounsellor,
            earlyLeaver: outflow.earlySchoolLeaver ?? true,
            url: link(deps.config, dashboardPath.student(student.studentId)),
          }),
          studentId: student.studentId,
          period: { from: leftOn, to: leftOn },
        });
      }
    }
    done.push({ studentId: pending.studentId, leftOn });
  }
  const finish = async () => {
    for (const { studentId, leftOn } of done) {
      // Ingestion rewrote the student's expiries when the leave arrived, but an item written at
      // that moment from a profile read just before (a report of last night's run, a coach's task)
      // may have missed it. One more sweep per leaver, after this run's own writes, catches those.
      await rewriteStudentExpiry(
        deps.store,
        studentId,
        studentItemExpiry({ leftOn }, asOf, deps.config.retentionYears),
      );
      await clearOutflowPending(deps.store, studentId);
    }
  };
  return { created, finish };
}

/** The reports the KPI of `asOf` looks at (its window), each marked handled or not, and Route-X or not. */
async function kpiReports(deps: NightlyDeps, teamIds: readonly string[], asOf: string) {
  const { from } = kpiWindow(deps.calendar, asOf);
  const reports: KpiReport[] = [];
  const unhandled = new Map<string, string[]>();
  for (const teamId of teamIds) {
    const lists = await Promise.all([
      listTeamReports(deps.store, teamId, 'open', from),
      listTeamReports(deps.store, teamId, 'handled', from),
    ]);
    for (const [i, list] of lists.entries()) {
      const handled = i === 1;
      for (const r of list.filter((x) => x.createdOn <= asOf)) {
        const { reportId: id, createdOn, routeX } = r;
        reports.push({ id, teamId: r.teamId, createdOn, handled, routeX });
        // The drill-down's ids are the legal KPI's: a Route-X report is not in its norm.
        if (!handled && !routeX) unhandled.set(teamId, [...(unhandled.get(teamId) ?? []), id]);
      }
    }
  }
  return { reports, unhandled };
}

/** One KPI snapshot per org unit as of the run's date; history is kept by date for the trend. */
async function snapshotKpi(deps: NightlyDeps, directory: Directory, asOf: string) {
  const units = directory.orgUnits;
  const teamIds = units.filter((u) => u.kind === 'team').map((u) => u.id);
  const { reports, unhandled } = await kpiReports(deps, teamIds, asOf);
  const input = { units, reports, calendar: deps.calendar, asOf };
  const figures = computeKpi(input);
  const internal = routeXCounts(input);
  // Unhandled ids roll up like the counts, so a unit's drill-down needs no further query.
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const rolled = new Map<string, string[]>();
  for (const [teamId, ids] of unhandled) {
    let unit: string | null | undefined = teamId;
    const seen = new Set<string>();
    while (unit && !seen.has(unit)) {
      seen.add(unit);
      rolled.set(unit, [...(rolled.get(unit) ?? []), ...ids]);
      unit = parent.get(unit);
    }
  }
  // About a date, not a student (only report ids): kept RETENTION_YEARS after that date.
  const expiresAt = dateItemExpiry(asOf, deps.config.retentionYears);
  for (const [orgUnitId, f] of figures) {
    await putKpiSnapshot(
      deps.store,
      {
        orgUnitId,
        date: asOf,
        norm: f.norm,
        realisation: f.realisation,
        percentage: f.percentage,
        colour: f.colour,
        unhandled: rolled.get(orgUnitId) ?? [],
        routeX: internal.get(orgUnitId) ?? { norm: 0, realisation: 0 },
      },
      expiresAt,
    );
  }
  return figures.size;
}
