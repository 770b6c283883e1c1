import type { SchoolCalendar } from '../../../shared/calendar';
import { startFlow } from '../steps';
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
