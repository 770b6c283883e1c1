/**
 * The steps engine (functions/domain/steps.ts) with the 4-week report's flow (policy appendix 4
 * §2): which step is current, when it is due, what refuses a step, and when the case closes.
 */
import { describe, expect, it } from 'vitest';
import {
  FlowClosed,
  NoFlow,
  OutcomeNotAllowed,
  StepDateRequired,
  StepNotCurrent,
  StepNoteRequired,
} from '../../../functions/domain/errors';
import { FOUR_WEEK_FLOW } from '../../../functions/domain/flows/four-week';
import {
  type CompleteStep,
  completeStep,
  followedPeriod,
  reminderDue,
  startFlow,
  stepViews,
} from '../../../functions/domain/steps';
import { newTask, type Task } from '../../../functions/domain/task';
import { defaultCalendar } from '../../../shared/calendar';

const calendar = defaultCalendar;

function fourWeekTask(createdOn: string): Task {
  const task = newTask({
    taskId: 'T1',
    kind: 'signal4w',
    about: { studentId: 'S1', studentName: 'Sam', teamId: 'team-1' },
    createdOn,
  });
  return startFlow(calendar, FOUR_WEEK_FLOW, task);
}

/** Noon in Amsterdam on `date`, as the instant a step is completed. */
const noon = (date: string) => `${date}T10:00:00.000Z`;

function complete(task: Task, on: string, step: string, outcome: string, extra: Partial<CompleteStep> = {}) {
  return completeStep(calendar, FOUR_WEEK_FLOW, task, {
    step,
    outcome,
    by: 'officer-1',
    at: noon(on),
    ...extra,
  });
}

describe('a 4-week case', () => {
  it('starts at "klopt dit verzuim?", due 2 working days later, skipping Good Friday and Easter Monday', () => {
    // Thursday 2 April 2026; Friday 3 (Good Friday) and Monday 6 April (Easter Monday) are off.
    const task = fourWeekTask('2026-04-02');
    expect(task.flow).toBe('four_week');
    expect(task.dueDate).toBe('2026-04-08');
    const views = stepViews(calendar, FOUR_WEEK_FLOW, task, '2026-04-02');
    expect(views.map((v) => [v.key, v.state])).toEqual([
      ['check', 'current'],
      ['invitation', 'later'],
      ['conversation', 'later'],
      ['follow', 'later'],
      ['decision', 'later'],
    ]);
  });

  it('walks the five steps to a DUO report; the conversation is due on the planned date', () => {
    let task = fourWeekTask('2026-03-02');
    task = complete(task, '2026-03-03', 'check', 'confirmed').task;
    expect(task.status).toBe('in_progress');
    expect(task.dueDate).toBe('2026-03-06'); // 3 working days after Tuesday 3 March
    task = complete(task, '2026-03-04', 'invitation', 'sent', { date: '2026-03-11' }).task;
    expect(task.dueDate).toBe('2026-03-11');
    task = complete(task, '2026-03-11', 'conversation', 'no_show').task;
    // A no-show is followed too: 15 school days (3 school weeks) after Wednesday 11 March.
    expect(task.dueDate).toBe('2026-04-01');
    expect(followedPeriod(FOUR_WEEK_FLOW, task, '2026-03-20')).toEqual({
      from: '2026-03-11',
      to: '2026-03-20',
    });
    task = complete(task, '2026-04-01', 'follow', 'no_change').task;
    // 5 working days after Wednesday 1 April: Good Friday and Easter Monday are off.
    expect(task.dueDate).toBe('2026-04-10');
    expect(followedPeriod(FOUR_WEEK_FLOW, task, '2026-04-20')).toEqual({
      from: '2026-03-11',
      to: '2026-04-01',
    });
    const last = complete(task, '2026-04-02', 'decision', 'duo_report');
    expect(last.closed).toBe(true);
    expect(last.task.status).toBe('done');
    expect(last.task.steps?.map((s) => s.key)).toEqual([
      'check',
      'invitation',
      'conversation',
      'follow',
      'decision',
    ]);
    expect(
      stepViews(calendar, FOUR_WEEK_FLOW, last.task, '2026-04-02').every((v) => v.state === 'done'),
    ).toBe(true);
  });

  it('follows 3 school weeks: the May holiday and Ascension do not count', () => {
    let task = fourWeekTask('2026-04-08');
    task = complete(task, '2026-04-08', 'check', 'confirmed').task;
    task = complete(task, '2026-04-09', 'invitation', 'sent', { date: '2026-04-14' }).task;
    task = complete(task, '2026-04-14', 'conversation', 'held').task;
    // 15, 16, 17 April; holiday to 3 May; 4-8, 11-13 May; 14 (Ascension) and 15 May off; 18-21 May.
    expect(task.dueDate).toBe('2026-05-21');
  });

  it('closes when the absence is not right, with the reason as its note', () => {
    const done = complete(fourWeekTask('2026-03-02'), '2026-03-02', 'check', 'not_confirmed', {
      note: 'Stage buiten de school, niet geregistreerd',
    });
    expect(done.closed).toBe(true);
    expect(done.task.status).toBe('done');
    expect(done.record.note).toBe('Stage buiten de school, niet geregistreerd');
  });

  it('refuses another step than the current one, an outcome the step does not offer, a missing date or reason', () => {
    const task = fourWeekTask('2026-03-02');
    expect(() => complete(task, '2026-03-02', 'invitation', 'sent', { date: '2026-03-09' })).toThrow(
      StepNotCurrent,
    );
    expect(() => complete(task, '2026-03-02', 'check', 'held')).toThrow(OutcomeNotAllowed);
    expect(() => complete(task, '2026-03-02', 'check', 'not_confirmed', { note: '  ' })).toThrow(
      StepNoteRequired,
    );
    const checked = complete(task, '2026-03-02', 'check', 'confirmed').task;
    expect(() => complete(checked, '2026-03-02', 'invitation', 'sent')).toThrow(StepDateRequired);
  });

  it('refuses a step on a closed case and on a task without a flow', () => {
    const closed = complete(fourWeekTask('2026-03-02'), '2026-03-02', 'check', 'not_confirmed', {
      note: 'x',
    }).task;
    expect(() => complete(closed, '2026-03-03', 'check', 'confirmed')).toThrow(FlowClosed);
    const plain = newTask({
      taskId: 'T2',
      kind: 'officer_question',
      about: { studentId: 'S1', studentName: 'Sam', teamId: 'team-1' },
      createdOn: '2026-03-02',
    });
    expect(() => complete(plain as Task, '2026-03-02', 'check', 'confirmed')).toThrow(NoFlow);
  });

  it('marks the current step overdue the day after it was due, and reminds of it once, from its day', () => {
    const task = fourWeekTask('2026-03-02'); // check due Wednesday 4 March
    const on = (today: string) => stepViews(calendar, FOUR_WEEK_FLOW, task, today)[0]?.overdue;
    expect(on('2026-03-04')).toBe(false);
    expect(on('2026-03-05')).toBe(true);
    expect(reminderDue(calendar, FOUR_WEEK_FLOW, task, '2026-03-03')).toBeNull();
    const due = reminderDue(calendar, FOUR_WEEK_FLOW, task, '2026-03-04');
    expect(due).toEqual({ ref: '0:check', step: 'check', dueOn: '2026-03-04' });
    // Reminded once: not again the next night; the next step is a new reminder.
    const reminded = { ...task, remindedSteps: [due?.ref ?? ''] };
    expect(reminderDue(calendar, FOUR_WEEK_FLOW, reminded, '2026-03-05')).toBeNull();
    const next = complete(reminded, '2026-03-05', 'check', 'confirmed').task;
    expect(reminderDue(calendar, FOUR_WEEK_FLOW, next, '2026-03-10')?.ref).toBe('1:invitation');
  });
});
