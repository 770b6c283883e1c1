import { defaultCalendar, type SchoolCalendar } from '../../../shared/calendar';
import { dashboardLink, dashboardPath } from '../../../shared/links';
import { feedbackOf } from '../../domain/flows/officer';
import type { StepRecord } from '../../domain/steps';
import type { Task } from '../../domain/task';
import type { Outbox } from '../../mail/outbox';
import type { Store } from '../../store/client';
import { feedbackMailId } from '../../store/record-ids';
import { getStaff } from '../../store/staff';
import { getStudent } from '../../store/students';
import { notify, queueNotice } from '../effects/notify';
import type { StepContext, StepEffects } from './four-week';

export interface FeedbackDeps {
  store: Store;
  outbox?: Outbox;
  dashboardUrl: string;
  flushMails?: boolean;
  calendar?: SchoolCalendar;
}

/**
 * "Terugkoppeling coach": recording the feedback step of the officer's conversation or home visit
 * queues a mail to the student's coach at once (not in the nightly batch) with the outcome, the
 * day, the weeks the student is followed and the next step; the officer's note stays on the
 * dashboard. One mail per feedback record (its id names the record), so it is queued once.
 */
export async function tellCoach(
  deps: FeedbackDeps,
  task: Task,
  record: StepRecord,
  officer: { name: string },
): Promise<boolean> {
  const feedback = feedbackOf(deps.calendar ?? defaultCalendar, task, record);
  if (!deps.outbox || !feedback) return false;
  const student = await getStudent(deps.store, task.studentId);
  const coach = student ? await getStaff(deps.store, student.coachId) : undefined;
  if (!coach) return false;
  const notice = notify(coach.email, 'feedback.coach', {
    coachName: coach.name,
    officerName: officer.name,
    studentName: task.studentName,
    flow: feedback.flow,
    outcome: feedback.outcome,
    date: feedback.date,
    ...(feedback.following ?? {}),
    url: dashboardLink(deps.dashboardUrl, dashboardPath.student(task.studentId)),
  });
  const id = feedbackMailId(task.taskId, task.steps?.length ?? 0);
  const queued = await queueNotice(deps.outbox, id, notice, [task.studentId]);
  if (deps.flushMails) await deps.outbox.flush();
  return queued;
}

/** The officer's conversation and home visit: reporting back mails the coach after the step's commit. */
export function officerEffects(ctx: StepContext): Promise<StepEffects> {
  return Promise.resolve({
    items: [],
    audit: [],
    after: async () => {
      await tellCoach(ctx.deps, ctx.task, ctx.record, ctx.actor);
    },
  });
}
