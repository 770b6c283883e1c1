import type { SchoolCalendar } from '../../../shared/calendar';
import { dueOn, type StepRecord, startFlow } from '../steps';
import type { Task } from '../task';
import { HOME_VISIT_FLOW } from './home-visit';
import { OFFICER_CONVERSATION_FLOW } from './officer-conversation';

/**
 * The officer's conversation (a coach's action or referral) and the home visit are cases with
 * steps: a new task of those kinds starts its flow at the first step (planning), due by its rule.
 * Any other task is returned as it is.
 */
export function withOfficerFlow(calendar: SchoolCalendar, task: Task): Task {
  if (task.kind === 'officer_conversation') return startFlow(calendar, OFFICER_CONVERSATION_FLOW, task);
  if (task.kind === 'home_visit') return startFlow(calendar, HOME_VISIT_FLOW, task);
  return task;
}

/** What the coach is told when the officer reports back (the mail's facts; never the note). */
export interface Feedback {
  flow: 'officer_conversation' | 'home_visit';
  outcome: 'held' | 'no_show' | 'visited' | 'nobody_home';
  /** The planned day of the conversation or visit. */
  date: string;
  /** Conversation: the weeks the student is followed and the follow-up conversation. */
  following?: { from: string; to: string; followUpOn: string };
}

const MET = { officer_conversation: 'conversation', home_visit: 'visit' } as const;
const TOLD: readonly string[] = ['held', 'no_show', 'visited', 'nobody_home'];

/**
 * The feedback a just recorded `feedback` step of the officer's conversation or home visit gives
 * the coach, or null for any other step or flow.
 */
export function feedbackOf(calendar: SchoolCalendar, task: Task, record: StepRecord): Feedback | null {
  if (record.key !== 'feedback' || (task.flow !== 'officer_conversation' && task.flow !== 'home_visit')) {
    return null;
  }
  const steps = task.steps ?? [];
  const met = steps.findLast((r) => r.key === MET[task.flow as keyof typeof MET]);
  if (!met || !TOLD.includes(met.outcome)) return null;
  const date = steps.findLast((r) => r.key === 'plan')?.date ?? met.on;
  const feedback: Feedback = { flow: task.flow, outcome: met.outcome as Feedback['outcome'], date };
  if (task.flow === 'home_visit') return feedback;
  const due = (key: string) => {
    const step = OFFICER_CONVERSATION_FLOW.steps.find((s) => s.key === key);
    return step ? dueOn(calendar, step, record.on, steps) : date;
  };
  return { ...feedback, following: { from: date, to: due('finish'), followUpOn: due('followup') } };
}
