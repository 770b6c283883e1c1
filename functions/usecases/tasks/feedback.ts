import { defaultCalendar, type SchoolCalendar } from '../../../shared/calendar';
import { dashboardLink, dashboardPath } from '../../../shared/links';
import { flowOf } from '../../domain/flows';
import { dueOn, type FlowDefinition, type StepRecord } from '../../domain/steps';
import type { Task } from '../../domain/task';
import type { Outbox } from '../../mail/outbox';
import type { FeedbackOutcome } from '../../mail/templates';
import type { Store } from '../../store/client';
import { feedbackMailId } from '../../store/record-ids';
import { getStaff } from '../../store/staff';
import { getStudent } from '../../store/students';
import { notify, queueNotice } from '../effects/notify';

export interface FeedbackDeps {
  store: Store;
  outbox?: Outbox;
  dashboardUrl: string;
  flushMails?: boolean;
  calendar?: SchoolCalendar;
}

/** The step whose outcome the coach is told, per flow that reports back. */
const MET: Partial<Record<NonNullable<Task['flow']>, string>> = {
  officer_conversation: 'conversation',
  home_visit: 'visit',
};

const FEEDBACK_OUTCOMES: readonly string[] = [
  'held',
  'no_show',
  'visited',
  'nobody_home',
] satisfies FeedbackOutcome[];

function dueOf(
  calendar: SchoolCalendar,
  flow: FlowDefinition,
  key: string,
  record: StepRecord,
  steps: StepRecord[],
) {
  const step = flow.steps.find((s) => s.key === key);
  return step ? dueOn(calendar, step, record.on, steps) : undefined;
}

/**
 * "Terugkoppeling coach": recording the feedback step of the officer's conversation or home visit
 * queues a mail to the student's coach at once (not in the nightly batch) with the outcome, the
 * day, the weeks the student is followed and the next step. The officer's note stays on the
 * dashboard. One mail per feedback record (its id names the record), so a retry queues none twice.
 */
export async function tellCoach(
  deps: FeedbackDeps,
  task: Task,
  record: StepRecord,
  officer: { name: string },
): Promise<boolean> {
  const metKey = task.flow ? MET[task.flow] : undefined;
  if (!deps.outbox || !task.flow || !metKey || record.key !== 'feedback') return false;
  const steps = task.steps ?? [];
  const met = steps.findLast((r) => r.key === metKey);
  const plan = steps.findLast((r) => r.key === 'plan');
  if (!met || !FEEDBACK_OUTCOMES.includes(met.outcome)) return false;
  const student = await getStudent(deps.store, task.studentId);
  const coach = student ? await getStaff(deps.store, student.coachId) : undefined;
  if (!coach) return false;
  const calendar = deps.calendar ?? defaultCalendar;
  const flow = flowOf(task.flow);
  const date = plan?.date ?? met.on;
  const following =
    task.flow === 'officer_conversation'
      ? {
          from: date,
          to: dueOf(calendar, flow, 'finish', record, steps),
          followUpOn: dueOf(calendar, flow, 'followup', record, steps),
        }
      : {};
  const notice = notify(coach.email, 'feedback.coach', {
    coachName: coach.name,
    officerName: officer.name,
    studentName: task.studentName,
    flow: task.flow === 'home_visit' ? 'home_visit' : 'officer_conversation',
    outcome: met.outcome as FeedbackOutcome,
    date,
    ...Object.fromEntries(Object.entries(following).filter(([, v]) => v !== undefined)),
    url: dashboardLink(deps.dashboardUrl, dashboardPath.student(task.studentId)),
  });
  const queued = await queueNotice(deps.outbox, feedbackMailId(task.taskId, steps.length), notice, [
    task.studentId,
  ]);
  if (deps.flushMails) await deps.outbox.flush();
  return queued;
}
