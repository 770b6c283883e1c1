/**
 * What the 4-week report's steps do besides moving the case (policy appendix 4 §2): the
 * invitation writes its letter (archived for the auditor), the DUO report makes the DUO task of
 * type `long_absence` for the LPA or the RMC, and the case's close tells the coach. The letter
 * and the DUO task are written in the step's own transaction; the coach's mail is queued after.
 */
import { translate } from '../../../shared/i18n';
import { dashboardLink, dashboardPath } from '../../../shared/links';
import { ageOn, legalStatus } from '../../../shared/policy';
import { NoDuoRecipient } from '../../domain/errors';
import type { Expiring } from '../../domain/expiring';
import { type Letter, letterIdFor } from '../../domain/letter';
import type { Actor } from '../../domain/lifecycle';
import type { StepRecord } from '../../domain/steps';
import { type DuoDraft, newTask, type Task } from '../../domain/task';
import { invitationLetter } from '../../mail/letters';
import type { Store } from '../../store/client';
import { listDaySummaries } from '../../store/day-summaries';
import { letterItem } from '../../store/letters-repository';
import { listOrgUnits } from '../../store/org-units';
import { getStaff } from '../../store/staff';
import type { StudentRecord } from '../../store/students';
import { createTaskItem } from '../../store/tasks-repository';
import type { TransactItem } from '../../store/transact';
import type { AuditedChange } from '../effects/audit';
import { notify, queueNotice } from '../effects/notify';
import type { ReportDeps } from '../reports/actions';

export interface StepContext {
  deps: ReportDeps;
  /** The case after the step. */
  task: Expiring<Task>;
  record: StepRecord;
  closed: boolean;
  student: StudentRecord | undefined;
  actor: Actor;
  today: string;
}

export interface StepEffects {
  items: TransactItem[];
  audit: AuditedChange[];
  /** After the commit: mails. */
  after: () => Promise<void>;
}

/** The DUO task a 4-week case's report makes: one per case. */
export const fourWeekDuoTaskId = (caseTaskId: string): string => `${caseTaskId}.duo`;

/** The run of absence the case is about: the signal's period, or the case's start. */
const periodOf = (task: Task) => task.period ?? { from: task.createdOn, to: task.createdOn };

async function schoolName(store: Store): Promise<string> {
  return (await listOrgUnits(store)).find((u) => u.kind === 'institution')?.name ?? '';
}

async function invitation(ctx: StepContext): Promise<Expiring<Letter>> {
  const { task, record, student, actor, today } = ctx;
  const period = periodOf(task);
  const content = invitationLetter({
    studentName: task.studentName,
    from: period.from,
    to: period.to,
    date: record.date ?? today,
    ...(record.note ? { details: record.note } : {}),
    recipient: student ? legalStatus(student, today).duoRecipient : null,
    adult: student ? ageOn(student.birthDate, today) >= 18 : false,
    officerName: actor.name,
    officerEmail: actor.email,
    schoolName: await schoolName(ctx.deps.store),
    createdOn: today,
  });
  return {
    letterId: letterIdFor(task.taskId, (task.steps?.length ?? 1) - 1, 'invitation'),
    kind: 'invitation',
    taskId: task.taskId,
    studentId: task.studentId,
    studentName: task.studentName,
    createdOn: today,
    by: actor.staffId,
    subject: content.subject,
    html: content.html,
    expiresAt: task.expiresAt,
  };
}

/** What the officer did, one line per step, for DUO's "ondernomen acties". */
function actionsTaken(task: Task): string {
  return (task.steps ?? [])
    .map((s) => {
      const step = translate('nl', `step.four_week.${s.key}` as 'step.four_week.check');
      const outcome = translate('nl', `outcome.${s.outcome}` as 'outcome.confirmed');
      const date = s.date ? ` (${s.date})` : '';
      return `${s.on}: ${step}: ${outcome}${date}${s.note ? ` – ${s.note}` : ''}`;
    })
    .join('\n');
}

async function duoTask(ctx: StepContext): Promise<Expiring<Task>> {
  const { deps, task, record, student, actor, today } = ctx;
  const recipient = student ? legalStatus(student, today).duoRecipient : null;
  if (!student || !recipient) throw new NoDuoRecipient(task.taskId);
  const period = periodOf(task);
  const days = await listDaySummaries(deps.store, task.studentId, period.from, today);
  const missed = days.filter((d) => d.summary.unauthorizedMinutes > 0);
  const minutes = missed.reduce((n, d) => n + d.summary.unauthorizedMinutes, 0);
  const withLessons = days.filter((d) => d.summary.lessonMinutes > 0);
  const draft: DuoDraft = {
    studentId: task.studentId,
    studentName: task.studentName,
    type: 'long_absence',
    addressee: recipient === 'RMC' ? 'rmc' : 'lpa',
    from: period.from,
    to: today,
    absentDays: missed.length,
    absentHours: Math.floor(minutes / 60),
    absentMinutes: minutes,
    suspectedReason: record.note?.trim() || 'onbekend',
    allLessonsMissed:
      withLessons.length > 0 &&
      withLessons.every((d) => d.summary.unauthorizedMinutes >= d.summary.lessonMinutes),
    actionTaken: actionsTaken(task),
    reporter: { staffId: actor.staffId, name: actor.name, role: 'attendance_officer', email: actor.email },
  };
  const adult = ageOn(student.birthDate, today) >= 18;
  const explanation = [
    translate('nl', 'case.four_week.duoTask', { taskId: task.taskId, recipient }),
    ...(adult ? [translate('nl', 'case.four_week.studyFinance')] : []),
  ].join(' ');
  return {
    ...newTask({
      taskId: fourWeekDuoTaskId(task.taskId),
      kind: 'duo_report',
      about: task,
      createdOn: today,
      explanation,
    }),
    duo: draft,
    duoRecord: { history: [] },
    expiresAt: task.expiresAt,
  };
}

/** The coach is told when the case closes, however it closes ("alleen nog bij afhandeling gemeld aan de coach"). */
async function tellCoach(ctx: StepContext): Promise<void> {
  const { deps, task, record, student, today } = ctx;
  if (!deps.outbox || !student) return;
  const coach = await getStaff(deps.store, student.coachId);
  if (!coach) return;
  const duo = record.outcome === 'duo_report' ? legalStatus(student, today).duoRecipient : null;
  const notice = notify(coach.email, 'case.closed.coach', {
    coachName: coach.name,
    studentName: task.studentName,
    flow: 'four_week',
    outcome: record.outcome,
    from: periodOf(task).from,
    to: today,
    ...(record.note ? { reason: record.note } : {}),
    ...(duo ? { duo, adult: ageOn(student.birthDate, today) >= 18 } : {}),
    url: dashboardLink(deps.dashboardUrl, dashboardPath.student(task.studentId)),
  });
  await queueNotice(deps.outbox, `${task.taskId}:closed:${coach.staffId}`, notice, [task.studentId]);
  if (deps.flushMails) await deps.outbox.flush();
}

export async function fourWeekEffects(ctx: StepContext): Promise<StepEffects> {
  const { deps, record, actor } = ctx;
  const items: TransactItem[] = [];
  const audit: AuditedChange[] = [];
  const entry = (entity: 'task', entityId: string, what: string, after: unknown) =>
    audit.push({
      entity,
      entityId,
      by: actor.staffId,
      at: record.at,
      what,
      before: null,
      after,
      studentId: ctx.task.studentId,
      expiresAt: ctx.task.expiresAt,
    });
  if (record.key === 'invitation') {
    const letter = await invitation(ctx);
    items.push(letterItem(deps.store, letter));
    // The letter is filed under its case's trail: who had it made, when, and what it said.
    entry('task', ctx.task.taskId, `letter ${letter.letterId}`, {
      letterId: letter.letterId,
      subject: letter.subject,
    });
  }
  if (record.key === 'decision' && record.outcome === 'duo_report') {
    const task = await duoTask(ctx);
    items.push(createTaskItem(deps.store, task));
    entry('task', task.taskId, 'created', task);
  }
  return { items, audit, after: () => (ctx.closed ? tellCoach(ctx) : Promise.resolve()) };
}
