import { defaultCalendar } from '../../../shared/calendar';
import type { SchoolCalendar } from '../../../shared/calendar/calendar';
import { localDate } from '../../domain/dates';
import { NoFlow, TaskNotFound } from '../../domain/errors';
import { flowOf } from '../../domain/flows';
import type { Actor } from '../../domain/lifecycle';
import { type Completed, completeStep, type FlowKind } from '../../domain/steps';
import type { Task } from '../../domain/task';
import { studentItemExpiry } from '../../store/retention';
import { getStudent } from '../../store/students';
import { getTask, saveTask } from '../../store/tasks-repository';
import { commitWith } from '../effects/commit';
import type { ReportDeps } from '../reports/actions';
import { officerEffects } from './feedback';
import { fourWeekEffects, type StepContext, type StepEffects } from './four-week';

/** What each flow's steps do besides moving the case (a letter, a DUO task, a mail at the close). */
const FLOW_EFFECTS: Record<FlowKind, (ctx: StepContext) => Promise<StepEffects>> = {
  four_week: fourWeekEffects,
  officer_conversation: officerEffects,
  home_visit: officerEffects,
};

export interface CompleteStepCommand {
  taskId: string;
  step: string;
  outcome: string;
  date?: string;
  note?: string;
  actor: Actor;
  now: Date;
}

export interface StepDeps extends ReportDeps {
  /** The school calendar the due dates count in (the bundled one unless a test gives another). */
  calendar?: SchoolCalendar;
}

/**
 * Completes the current step of a task's case, from the dashboard or the API alike: the pure
 * step (named errors for a wrong step, outcome, missing date or note), written conditionally on
 * the task's version in one transaction with its audit entry (before and after) and what the
 * flow's step makes (a letter, a DUO task, with their entries); the flow's mails after that.
 */
export async function completeTaskStep(
  deps: StepDeps,
  command: CompleteStepCommand,
): Promise<Completed<Task>> {
  const task = await getTask(deps.store, command.taskId);
  if (!task) throw new TaskNotFound(command.taskId);
  if (!task.flow) throw new NoFlow(task.taskId);
  const at = command.now.toISOString();
  const done = completeStep(deps.calendar ?? defaultCalendar, flowOf(task.flow), task, {
    step: command.step,
    outcome: command.outcome,
    by: command.actor.staffId,
    at,
    ...(command.date ? { date: command.date } : {}),
    ...(command.note ? { note: command.note } : {}),
  });
  const student = task.studentId ? await getStudent(deps.store, task.studentId) : undefined;
  const today = localDate(command.now);
  const expiresAt = task.expiresAt ?? studentItemExpiry(student, today, deps.retentionYears);
  const effects = await FLOW_EFFECTS[task.flow]({
    deps,
    task: { ...done.task, expiresAt },
    record: done.record,
    closed: done.closed,
    student,
    actor: command.actor,
    today,
  });
  const audit = {
    entity: 'task' as const,
    entityId: task.taskId,
    by: command.actor.staffId,
    at,
    what: `step ${command.step} ${command.outcome}`,
    before: task,
    after: done.task,
    studentId: task.studentId,
    expiresAt,
  };
  await commitWith(deps, { audit: [audit, ...effects.audit], items: effects.items }, (store) =>
    saveTask(store, done.task, task.version),
  );
  await effects.after();
  return done;
}
