import { defaultCalendar, type SchoolCalendar } from '../../../shared/calendar';
import { legalStatus } from '../../../shared/policy/age';
import { duoDeadline } from '../../../shared/policy/duo-deadlines';
import type { REFERRAL_CATEGORIES } from '../../../shared/workflow/constants';
import { addDays, localDate } from '../../domain/dates';
import { confirmEndDate, referralDuoDraft } from '../../domain/duo';
import {
  ConcurrentModification,
  InvalidTransition,
  ReportAlreadyHandled,
  ReportNotFound,
  StudentNotFound,
  TaskNotFound,
} from '../../domain/errors';
import type { Expiring } from '../../domain/expiring';
import { withOfficerFlow } from '../../domain/flows/officer';
import {
  type ActionInput,
  type Actor,
  applyAction,
  completeConversation,
  moveTask,
  recordDuo,
} from '../../domain/lifecycle';
import type { Report, ReportAction } from '../../domain/report';
import {
  type DuoReportType,
  type DuoStatus,
  newTask,
  type Task,
  type TaskKind,
  type TaskStatus,
} from '../../domain/task';
import type { DomainEvent, EventBus } from '../../events/types';
import type { Outbox } from '../../mail/outbox';
import type { Store } from '../../store/client';
import { listDaySummaries } from '../../store/day-summaries';
import { domainEventId, referralTaskId } from '../../store/record-ids';
import { getReport, saveReport } from '../../store/reports-repository';
import { studentItemExpiry } from '../../store/retention';
import { getStudent, type StudentRecord } from '../../store/students';
import { createTask, getTask, saveTask } from '../../store/tasks-repository';
import type { AuditedChange } from '../effects/audit';
import { commitWith } from '../effects/commit';
import { queueTaskMails, taskCreatedEvent } from '../tasks/task-mails';

/**
 * The report's life as the dashboard drives it. Each command reads one record, applies the pure
 * life-cycle function, writes it back conditionally on its version, then creates the task it
 * implies (deterministic id, conditional put), mails the task's role, appends an audit entry and
 * publishes `report.handled` once the report counts as handled.
 */
export interface ReportDeps {
  store: Store;
  bus: EventBus;
  /** Task mails are recorded here; the nightly run (or `flush`) sends them. */
  outbox?: Outbox;
  dashboardUrl: string;
  /** Send recorded mails straight away (the API does; tests may not). */
  flushMails?: boolean;
  /** RETENTION_YEARS: tasks and audit entries expire this long after the student left. */
  retentionYears: number;
  /** The school calendar: the steps of a case and DUO's deadlines count in it (the bundled one unless a test gives another). */
  calendar?: SchoolCalendar;
}

export interface ApplyActionCommand {
  reportId: string;
  action: ReportAction;
  explanation: string;
  actor: Actor;
  now: Date;
  suspectedReason?: string;
  period?: { from: string; to: string };
}

/**
 * Tells everyone of the task's role about it, each in a mail of their own: recorded here, sent by
 * the task mailer when the task's `task.created` is published (or by the next nightly run).
 */
export async function mailTask(deps: ReportDeps, task: Task): Promise<void> {
  if (!deps.outbox) return;
  await queueTaskMails(deps, task);
  if (deps.flushMails) await deps.outbox.flush();
}

/**
 * `expiresAt` of a record about a student: the one of the record it belongs to (a report's task,
 * an entry about a report), which `rewriteStudentExpiry` keeps current; else from the student.
 */
async function expiryFor(deps: ReportDeps, studentId: string, date: string, inherited?: number) {
  if (inherited !== undefined) return inherited;
  return studentItemExpiry(await getStudent(deps.store, studentId), date, deps.retentionYears);
}

/** A new task as stored: its expiry, and (the officer's conversation, a home visit) its flow started. */
async function expiring(deps: ReportDeps, task: Task, inherited?: number): Promise<Expiring<Task>> {
  const started = withOfficerFlow(deps.calendar ?? defaultCalendar, task);
  return { ...started, expiresAt: await expiryFor(deps, task.studentId, task.createdOn, inherited) };
}

/** A new task with its `task.created` (the task mailer's cue); false when it was created before. */
async function createTaskWithEvent(deps: ReportDeps, task: Expiring<Task>): Promise<boolean> {
  const { result } = await commitWith(deps, { events: [taskCreatedEvent(task)] }, (store) =>
    createTask(store, task),
  );
  return result;
}

/** A retry of the command that was applied already (same action, same words, same coach). */
function sameAsLast(report: Report, command: ApplyActionCommand): boolean {
  const last = report.actions.at(-1);
  return (
    last !== undefined &&
    last.action === command.action &&
    last.by === command.actor.staffId &&
    last.explanation === command.explanation.trim()
  );
}

/**
 * A retry after a crash between the report and its task: finish the task, nothing else.
 * Undefined when the command is not the one the report last recorded.
 */
async function finishInterrupted(
  deps: ReportDeps,
  report: Report,
  command: ApplyActionCommand,
  input: ActionInput,
): Promise<{ report: Report; task?: Task } | undefined> {
  const last = report.actions.at(-1);
  if (!(sameAsLast(report, command) && last?.taskId)) return undefined;
  const task = await getTask(deps.store, last.taskId);
  if (task) return { report, task };
  const previous = {
    ...report,
    actions: report.actions.slice(0, -1),
    status: 'open' as const,
    version: report.version - 1,
  };
  const redo = applyAction(previous, { ...input, at: last.at });
  if (!redo.task) return { report };
  const redone = await expiring(deps, redo.task, report.expiresAt);
  await createTaskWithEvent(deps, redone);
  await mailTask(deps, redone);
  return { report, task: redone };
}

export async function applyReportAction(
  deps: ReportDeps,
  command: ApplyActionCommand,
): Promise<{ report: Report; task?: Task }> {
  const report = await getReport(deps.store, command.reportId);
  if (!report) throw new ReportNotFound(command.reportId);
  const at = command.now.toISOString();
  const input: ActionInput = {
    action: command.action,
    explanation: command.explanation,
    by: command.actor,
    at,
    today: localDate(command.now),
    ...(command.suspectedReason ? { suspectedReason: command.suspectedReason } : {}),
    ...(command.period ? { period: command.period } : {}),
  };
  let result: { report: Report; task?: Task };
  try {
    result = applyAction(report, input);
  } catch (error) {
    const finished =
      error instanceof ReportAlreadyHandled
        ? await finishInterrupted(deps, report, command, input)
        : undefined;
    if (finished) return finished;
    throw error;
  }
  const handled = result.report.status === 'handled';
  // The report, its audit entry and (once handled) its event: stored together or not at all.
  const effects = {
    audit: [
      await auditedChange(deps, command.actor, at, `action ${command.action}`, {
        entity: 'report',
        before: report,
        after: result.report,
      }),
    ],
    events: handled ? [handledEvent(result.report, command.action, command.actor, at)] : [],
  };
  try {
    await commitWith(deps, effects, (store) => saveReport(store, result.report, report.version));
  } catch (error) {
    if (error instanceof ConcurrentModification) {
      const now = await getReport(deps.store, report.reportId);
      if (now && now.status === 'handled') throw new ReportAlreadyHandled(report.reportId);
    }
    throw error;
  }
  if (result.task) {
    const task = await expiring(deps, result.task, report.expiresAt);
    result.task = task;
    if (await createTaskWithEvent(deps, task)) await mailTask(deps, task);
  }
  return result;
}

/** The audit trail of a change to a report or task: who, when, what, before and after. */
type ChangedRecord =
  | { entity: 'report'; before: Report | null; after: Report }
  | { entity: 'task'; before: Task | null; after: Task };

/** The entry expires with the record it is about. */
async function auditedChange(
  deps: ReportDeps,
  actor: Actor,
  at: string,
  what: string,
  change: ChangedRecord,
): Promise<AuditedChange> {
  const entityId = change.entity === 'report' ? change.after.reportId : change.after.taskId;
  const expiresAt = await expiryFor(
    deps,
    change.after.studentId,
    localDate(new Date(at)),
    change.after.expiresAt,
  );
  return {
    entity: change.entity,
    entityId,
    by: actor.staffId,
    at,
    what,
    before: change.before,
    after: change.after,
    studentId: change.after.studentId,
    expiresAt,
  };
}

/** `report.handled`, once per version of the report that made it so. */
function handledEvent(report: Report, action: string, actor: Actor, at: string) {
  return {
    eventId: domainEventId('report.handled', report.reportId, `v${report.version}`),
    event: {
      type: 'report.handled' as const,
      reportId: report.reportId,
      studentId: report.studentId,
      teamId: report.teamId,
      action,
      by: actor.staffId,
      at,
    },
  };
}

/** A change to a report or task, written with its audit entry (and events) in one transaction. */
async function saveWithAudit(
  deps: ReportDeps,
  entry: { actor: Actor; at: string; what: string },
  change: ChangedRecord,
  events: { eventId: string; event: DomainEvent }[],
  write: (store: Store) => Promise<unknown>,
): Promise<void> {
  const audit = [await auditedChange(deps, entry.actor, entry.at, entry.what, change)];
  await commitWith(deps, { audit, events }, write);
}

export async function completeReportConversation(
  deps: ReportDeps,
  command: { reportId: string; outcome: string; actor: Actor; now: Date },
): Promise<Report> {
  const report = await getReport(deps.store, command.reportId);
  if (!report) throw new ReportNotFound(command.reportId);
  const at = command.now.toISOString();
  const next = completeConversation(report, command.actor, at, command.outcome);
  await saveWithAudit(
    deps,
    { actor: command.actor, at, what: 'conversation completed' },
    { entity: 'report', before: report, after: next },
    [handledEvent(next, 'coach_conversation', command.actor, at)],
    (store) => saveReport(store, next, report.version),
  );
  return next;
}

export type ReferralCategory = (typeof REFERRAL_CATEGORIES)[number];

const REFERRAL_TASK: Record<ReferralCategory, TaskKind> = {
  duo: 'duo_report',
  officer_conversation: 'officer_conversation',
  officer_question: 'officer_question',
  home_visit: 'home_visit',
};

/** A coach hands a student to the attendance officer without a report: a task, its mail, an audit entry. */
export async function createReferral(
  deps: ReportDeps,
  command: {
    studentId: string;
    category: ReferralCategory;
    explanation: string;
    actor: Actor;
    now: Date;
    /** "Melden DUO": the kind of DUO report asked for (16 hours in 4 weeks unless said). */
    duoType?: DuoReportType;
  },
): Promise<Task> {
  const student = await getStudent(deps.store, command.studentId);
  if (!student) throw new StudentNotFound(command.studentId);
  const createdOn = localDate(command.now);
  // "Melden DUO" makes a DUO draft like a 16-hour report's, so it reaches the export and DUO's status.
  const draft =
    command.category === 'duo'
      ? await referralDraft(deps, student, command.duoType ?? '16_hours_in_4_weeks', {
          explanation: command.explanation,
          by: command.actor,
          today: createdOn,
        })
      : undefined;
  const task: Expiring<Task> = {
    ...withOfficerFlow(
      deps.calendar ?? defaultCalendar,
      newTask({
        taskId: referralTaskId(),
        kind: REFERRAL_TASK[command.category],
        about: { studentId: command.studentId, studentName: student.displayName, teamId: student.teamId },
        createdOn,
        explanation: command.explanation.trim(),
        // No 16th hour to count from: DUO's 5 working days run from the day the coach asks.
        ...(draft ? { dueDate: duoDeadline(deps.calendar ?? defaultCalendar, createdOn) } : {}),
      }),
    ),
    ...(draft ? { duo: draft, duoRecord: { history: [] } } : {}),
    expiresAt: studentItemExpiry(student, createdOn, deps.retentionYears),
  };
  // A new id each time: the task and its entry are written together, then its role is mailed.
  await saveWithAudit(
    deps,
    { actor: command.actor, at: command.now.toISOString(), what: `referral ${command.category}` },
    { entity: 'task', before: null, after: task },
    [taskCreatedEvent(task)],
    (store) => createTask(store, task),
  );
  await mailTask(deps, task);
  return task;
}

/** The referral's draft: the student's unauthorized absence in the last 4 weeks, to the recipient the law names. */
async function referralDraft(
  deps: ReportDeps,
  student: StudentRecord,
  type: DuoReportType,
  ask: { explanation: string; by: Actor; today: string },
) {
  const recipient = legalStatus(student, ask.today).duoRecipient;
  if (recipient === null) {
    throw new InvalidTransition(
      'task',
      'referral',
      'duo',
      'no legal report applies to this student',
      'no_legal_report',
    );
  }
  const from = addDays(ask.today, -(REFERRAL_WEEKS * 7 - 1));
  const days = await listDaySummaries(deps.store, student.studentId, from, ask.today);
  const absent = days.filter((d) => d.summary.unauthorizedMinutes > 0);
  return referralDuoDraft({
    student: { studentId: student.studentId, studentName: student.displayName },
    type,
    addressee: recipient === 'RMC' ? 'rmc' : 'lpa',
    period: { from: absent[0]?.date ?? from, to: absent.at(-1)?.date ?? ask.today },
    unauthorizedMinutes: absent.reduce((sum, d) => sum + d.summary.unauthorizedMinutes, 0),
    absentDays: absent.length,
    allLessonsMissed:
      absent.length > 0 && absent.every((d) => d.summary.unauthorizedAbsentLessons === d.summary.lessons),
    explanation: ask.explanation,
    by: ask.by,
    today: ask.today,
  });
}

/** The referral's draft counts the absence of the last 4 weeks, the 16-hour rule's window. */
const REFERRAL_WEEKS = 4;

export async function updateTaskStatus(
  deps: ReportDeps,
  command: { taskId: string; status: TaskStatus; note?: string; actor: Actor; now: Date },
): Promise<Task> {
  const task = await getTask(deps.store, command.taskId);
  if (!task) throw new TaskNotFound(command.taskId);
  const moved = moveTask(task, command.status);
  // The officer's word with the change (what was set in motion for the night's 8-hour list).
  const next = command.note?.trim() ? { ...moved, note: command.note.trim() } : moved;
  await saveWithAudit(
    deps,
    { actor: command.actor, at: command.now.toISOString(), what: `status ${command.status}` },
    { entity: 'task', before: task, after: next },
    [],
    (store) => saveTask(store, next, task.version),
  );
  return next;
}

export async function recordDuoStatus(
  deps: ReportDeps,
  command: { taskId: string; status: DuoStatus; reason?: string; actor: Actor; now: Date },
): Promise<Task> {
  const task = await getTask(deps.store, command.taskId);
  if (!task) throw new TaskNotFound(command.taskId);
  const at = command.now.toISOString();
  const next = recordDuo(task, command.status, command.actor.staffId, at, command.reason);
  await saveWithAudit(
    deps,
    { actor: command.actor, at, what: `DUO ${command.status}` },
    { entity: 'task', before: task, after: next },
    [],
    (store) => saveTask(store, next, task.version),
  );
  return next;
}

/** The attendance officer confirms (or corrects) the end date DUO asks of a report. */
export async function confirmDuoEndDate(
  deps: ReportDeps,
  command: { taskId: string; date: string; actor: Actor; now: Date },
): Promise<Task> {
  const task = await getTask(deps.store, command.taskId);
  if (!task) throw new TaskNotFound(command.taskId);
  const at = command.now.toISOString();
  const next = confirmEndDate(task, command.date, command.actor.staffId, at);
  await saveWithAudit(
    deps,
    { actor: command.actor, at, what: `DUO end date ${command.date}` },
    { entity: 'task', before: task, after: next },
    [],
    (store) => saveTask(store, next, task.version),
  );
  return next;
}
