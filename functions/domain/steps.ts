/**
 * Cases with steps: one generic model for every flow (the 4-week report, the officer's
 * conversation, the home visit), so the dashboard shows any of them with one screen. A flow is
 * an ordered list of step definitions; a task carries the kind of its flow and the records of the
 * steps completed so far. Which step is current, when it is due and whether the case is closed
 * all follow from those records (pure functions, no clock: the date is a parameter).
 */

import type { SchoolCalendar } from '../../shared/calendar/calendar';
import { addDays } from '../../shared/calendar/dates';
import { localDate } from '../../shared/calendar/school-time';
import type { FLOW_KINDS } from '../../shared/workflow/constants';
import {
  FlowClosed,
  NoFlow,
  OutcomeNotAllowed,
  StepDateRequired,
  StepNotCurrent,
  StepNoteRequired,
} from './errors';

export type FlowKind = (typeof FLOW_KINDS)[number];

/**
 * When a step is due, counted from the day it became current (`previous`: the previous step's
 * completion, or the flow's start for the first step) or from the date planned in an earlier
 * step (`planned`). Working days skip weekends and public holidays; school days also skip the
 * school's holidays (following a student's attendance in a holiday shows nothing).
 */
export type DueRule =
  | { from: 'previous'; count: number; unit: 'working_days' | 'school_days' }
  | { from: 'planned'; step: string; count: number; unit: 'working_days' | 'school_days' | 'days' };

/** Where a step leads: another step's key, or `close` (the case is closed). */
export type StepTarget = string | 'close';

export interface StepDefinition {
  key: string;
  /** The outcomes it can be completed with, in the order the form offers them. */
  outcomes: readonly string[];
  /** Asks a planned date (a conversation's date): required when completing with these outcomes. */
  date?: { requiredFor: readonly string[] };
  /** Asks a note; required with these outcomes (a reason to close, say). */
  note?: { requiredFor: readonly string[] };
  due: DueRule;
  /** Where each outcome leads; an outcome not listed goes to the next step in order (or closes after the last). */
  leadsTo?: Readonly<Record<string, StepTarget>>;
}

export interface FlowDefinition {
  kind: FlowKind;
  steps: readonly StepDefinition[];
  /** The student is followed from the completion of step `after` until step `until` is completed. */
  follow?: { after: string; until: string };
}

/** A completed step, as the task carries it. */
export interface StepRecord {
  key: string;
  outcome: string;
  /** The date it planned (a conversation's), when the step asks one. */
  date?: string;
  note?: string;
  /** Staff id of who completed it. */
  by: string;
  /** When it was completed (ISO instant). */
  at: string;
  /** The school's local date it was completed on. */
  on: string;
  /** When it was due (kept so the trail shows whether it was late). */
  dueOn: string;
}

/** What the engine needs of a task: its flow, its records, the day it started. */
export interface FlowState {
  taskId: string;
  flow?: FlowKind;
  steps?: StepRecord[];
  /** The day the flow started (the task's creation). */
  createdOn: string;
}

export type Position = { closed: true } | { closed: false; step: StepDefinition; dueOn: string };

function stepOf(flow: FlowDefinition, key: string): StepDefinition {
  const step = flow.steps.find((s) => s.key === key);
  if (!step) throw new RangeError(`Flow ${flow.kind} has no step ${key}`);
  return step;
}

/** `n` school days after `date` (a date beyond the calendar's data counts as a working day). */
function addSchoolDays(calendar: SchoolCalendar, date: string, n: number): string {
  let current = date;
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    const school = calendar.covers(current)
      ? calendar.isSchoolDay(current)
      : calendar.addWorkingDays(addDays(current, -1), 1) === current;
    if (school) left--;
  }
  return current;
}

/** The due date of `step` that became current on `since`, given the records so far. */
export function dueOn(
  calendar: SchoolCalendar,
  step: StepDefinition,
  since: string,
  records: readonly StepRecord[],
): string {
  const rule = step.due;
  let base = since;
  if (rule.from === 'planned') base = records.findLast((r) => r.key === rule.step)?.date ?? since;
  if (rule.unit === 'days') return addDays(base, rule.count);
  if (rule.unit === 'working_days') return calendar.addWorkingDays(base, rule.count);
  return addSchoolDays(calendar, base, rule.count);
}

/**
 * The step that follows the records (or closed): the last record's outcome decides, by its
 * step's `leadsTo`, else the next step in order; after the last step the case is closed.
 */
export function next(flow: FlowDefinition, records: readonly StepRecord[]): StepTarget | null {
  const last = records.at(-1);
  if (!last) return flow.steps[0]?.key ?? 'close';
  const step = stepOf(flow, last.key);
  const target = step.leadsTo?.[last.outcome];
  if (target) return target;
  const index = flow.steps.indexOf(step);
  return flow.steps[index + 1]?.key ?? 'close';
}

/** Where the flow stands: the current step and its due date, or closed. */
export function position(calendar: SchoolCalendar, flow: FlowDefinition, state: FlowState): Position {
  const records = state.steps ?? [];
  const key = next(flow, records);
  if (key === 'close' || key === null) return { closed: true };
  const step = stepOf(flow, key);
  const since = records.at(-1)?.on ?? state.createdOn;
  return { closed: false, step, dueOn: dueOn(calendar, step, since, records) };
}

/** A task given a flow: it starts at the first step, due by that step's rule. */
export function startFlow<T extends FlowState & { dueDate?: string }>(
  calendar: SchoolCalendar,
  flow: FlowDefinition,
  task: T,
): T {
  const started = { ...task, flow: flow.kind, steps: [] as StepRecord[] };
  const at = position(calendar, flow, started);
  return at.closed ? started : { ...started, dueDate: at.dueOn };
}

export interface CompleteStep {
  step: string;
  outcome: string;
  date?: string;
  note?: string;
  by: string;
  at: string;
}

export interface Completed<T> {
  task: T;
  record: StepRecord;
  /** True when this step closed the case. */
  closed: boolean;
}

/**
 * Completes the current step: a named error for another step, an outcome it does not offer, or a
 * date or note it requires. The task's `dueDate` becomes the next step's; closed, it is done.
 */
export function completeStep<T extends FlowState & { dueDate?: string; status: string; version: number }>(
  calendar: SchoolCalendar,
  flow: FlowDefinition,
  task: T,
  command: CompleteStep,
): Completed<T> {
  if (!task.flow) throw new NoFlow(task.taskId);
  const at = position(calendar, flow, task);
  if (at.closed || task.status === 'done') throw new FlowClosed(task.taskId);
  const step = at.step;
  if (command.step !== step.key) throw new StepNotCurrent(task.taskId, command.step, step.key);
  if (!step.outcomes.includes(command.outcome)) {
    throw new OutcomeNotAllowed(step.key, command.outcome, step.outcomes);
  }
  const date = step.date ? command.date : undefined;
  if (step.date?.requiredFor.includes(command.outcome) && !date) throw new StepDateRequired(step.key);
  const note = command.note?.trim() || undefined;
  if (step.note?.requiredFor.includes(command.outcome) && !note) throw new StepNoteRequired(step.key);
  const record: StepRecord = {
    key: step.key,
    outcome: command.outcome,
    ...(date ? { date } : {}),
    ...(note ? { note } : {}),
    by: command.by,
    at: command.at,
    on: localDate(new Date(command.at)),
    dueOn: at.dueOn,
  };
  const moved = { ...task, steps: [...(task.steps ?? []), record], version: task.version + 1 };
  const then = position(calendar, flow, moved);
  if (then.closed) return { task: { ...moved, status: 'done' }, record, closed: true };
  return {
    task: { ...moved, dueDate: then.dueOn, ...(task.status === 'open' ? { status: 'in_progress' } : {}) },
    record,
    closed: false,
  };
}

export type StepState = 'done' | 'current' | 'later';

export interface StepView {
  key: string;
  state: StepState;
  /** Done: when it was due; current: when it is due; later: null (it depends on what comes first). */
  dueOn: string | null;
  overdue: boolean;
  record: StepRecord | null;
  definition: StepDefinition;
}

/**
 * Every step of the flow for the screen: done (in the order done; a step done twice shows twice),
 * the current one, and the later ones in the flow's order that the current one may still reach.
 */
export function stepViews(
  calendar: SchoolCalendar,
  flow: FlowDefinition,
  state: FlowState,
  today: string,
): StepView[] {
  const records = state.steps ?? [];
  const done: StepView[] = records.map((r) => ({
    key: r.key,
    state: 'done',
    dueOn: r.dueOn,
    overdue: false,
    record: r,
    definition: stepOf(flow, r.key),
  }));
  const at = position(calendar, flow, state);
  if (at.closed) return done;
  const current: StepView = {
    key: at.step.key,
    state: 'current',
    dueOn: at.dueOn,
    overdue: isOverdue(at.dueOn, today),
    record: null,
    definition: at.step,
  };
  const later = flow.steps.slice(flow.steps.indexOf(at.step) + 1).map(
    (s): StepView => ({
      key: s.key,
      state: 'later',
      dueOn: null,
      overdue: false,
      record: null,
      definition: s,
    }),
  );
  return [...done, current, ...later];
}

/** A step due on a date is overdue from the day after. */
export const isOverdue = (due: string, today: string): boolean => due < today;

/** A step's place in its case: its position among the steps done and its key (a step done twice is two). */
export const stepRef = (records: readonly StepRecord[], key: string): string => `${records.length}:${key}`;

/**
 * The current step, when it is due on or before `today` and not reminded of yet: the nightly run
 * reminds once, on the day it falls due (or the first run after, when a night was missed).
 */
export function reminderDue(
  calendar: SchoolCalendar,
  flow: FlowDefinition,
  state: FlowState & { remindedSteps?: string[] },
  today: string,
): { ref: string; step: string; dueOn: string } | null {
  const at = position(calendar, flow, state);
  if (at.closed || at.dueOn > today) return null;
  const ref = stepRef(state.steps ?? [], at.step.key);
  if (state.remindedSteps?.includes(ref)) return null;
  return { ref, step: at.step.key, dueOn: at.dueOn };
}

/** The days the student is followed (from the completion of `follow.after`), or null before. */
export function followedPeriod(
  flow: FlowDefinition,
  state: FlowState,
  today: string,
): { from: string; to: string } | null {
  if (!flow.follow) return null;
  const records = state.steps ?? [];
  const start = records.findLast((r) => r.key === flow.follow?.after);
  if (!start) return null;
  const end = records.findLast((r) => r.key === flow.follow?.until && r.at >= start.at);
  return { from: start.on, to: end?.on ?? today };
}
