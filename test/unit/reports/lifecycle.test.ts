import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../functions/domain/dates';
import {
  ExplanationRequired,
  InvalidTransition,
  ReportAlreadyHandled,
} from '../../../functions/domain/errors';
import {
  type ActionInput,
  applyAction,
  completeConversation,
  isOpen,
  moveTask,
  recordDuo,
  withdraw,
} from '../../../functions/domain/lifecycle';
import type { Report } from '../../../functions/domain/report';

const coach = { staffId: 'c-jansen', name: 'M. Jansen', email: 'm.jansen@school.example' };

function report(overrides: Partial<Report> = {}): Report {
  return {
    reportId: 's1.2026-09-07',
    signalId: 's1:report16:2026-09-07',
    studentId: 's1',
    studentName: 'Sanne de Boer',
    teamId: 'team-ict',
    coachId: 'c-jansen',
    routeX: false,
    addressee: 'lpa',
    from: '2026-09-07',
    to: '2026-09-24',
    unauthorizedMinutes: 965,
    absentDays: 6,
    allLessonsMissed: false,
    createdOn: '2026-09-24',
    dueDate: '2026-10-01',
    status: 'open',
    actions: [],
    version: 1,
    ...overrides,
  };
}

const input = (action: ActionInput['action'], extra: Partial<ActionInput> = {}): ActionInput => ({
  action,
  explanation: 'Besproken met de student',
  by: coach,
  at: '2026-09-25T10:00:00.000Z',
  today: '2026-09-25',
  ...extra,
});

describe('applying an action to a 16-hour report', () => {
  it('report to DUO: handled, and a DUO task for the attendance officer with the report prepared', () => {
    const { report: next, task } = applyAction(report(), input('duo', { suspectedReason: 'motivatie' }));
    expect(next.status).toBe('handled');
    expect(isOpen(next)).toBe(false);
    expect(task).toMatchObject({
      kind: 'duo_report',
      role: 'attendance_officer',
      status: 'open',
      reportId: next.reportId,
    });
    expect(task?.duo).toMatchObject({
      studentId: 's1',
      addressee: 'lpa',
      from: '2026-09-07',
      to: '2026-09-24',
      absentDays: 6,
      absentHours: 16,
      absentMinutes: 965,
      suspectedReason: 'motivatie',
      allLessonsMissed: false,
      reporter: { staffId: 'c-jansen', name: 'M. Jansen', role: 'coach', email: 'm.jansen@school.example' },
    });
    expect(task?.duo?.actionTaken).toContain('Besproken met de student');
  });

  it('addresses the RMC for a student in the RMC age', () => {
    const { task } = applyAction(report({ addressee: 'rmc' }), input('duo'));
    expect(task?.duo?.addressee).toBe('rmc');
  });

  it('never sends a Route-X report to DUO', () => {
    expect(() => applyAction(report({ routeX: true }), input('duo'))).toThrow(InvalidTransition);
    expect(applyAction(report({ routeX: true }), input('officer_question')).report.status).toBe('handled');
  });

  it('correction: a task for the front office with the period', () => {
    const { report: next, task } = applyAction(report(), input('correction'));
    expect(next.status).toBe('handled');
    expect(task).toMatchObject({
      kind: 'correction',
      role: 'front_office',
      period: { from: '2026-09-07', to: '2026-09-24' },
    });
  });

  it("the officer's conversation: a task for the officer, whose dates are its case's steps (no reminder date of its own)", () => {
    const { task } = applyAction(report(), input('officer_conversation'));
    expect(task).toMatchObject({ kind: 'officer_conversation', role: 'attendance_officer' });
    expect(task?.remindOn).toBeUndefined();
    expect(task?.followUntil).toBeUndefined();
  });

  it('question to the attendance officer: a task', () => {
    expect(applyAction(report(), input('officer_question')).task?.kind).toBe('officer_question');
  });

  it("the coach's conversation keeps the report open until completed; then it counts as handled", () => {
    const { report: talking, task } = applyAction(report(), input('coach_conversation'));
    expect(task).toBeUndefined();
    expect(talking.status).toBe('conversation');
    expect(isOpen(talking)).toBe(true);
    const done = completeConversation(talking, coach, '2026-09-30T09:00:00.000Z', 'Afspraken gemaakt.');
    expect(done.status).toBe('handled');
    expect(done.handledAt).toBe('2026-09-30T09:00:00.000Z');
    expect(done.actions[0]?.completedAt).toBe('2026-09-30T09:00:00.000Z');
  });

  it("another action may follow the coach's conversation, before or after it is completed", () => {
    const talking = applyAction(report(), input('coach_conversation')).report;
    expect(applyAction(talking, input('duo')).report.status).toBe('handled');
    const done = completeConversation(talking, coach, '2026-09-30T09:00:00.000Z', 'Afspraken gemaakt.');
    const { report: next, task } = applyAction(done, input('duo'));
    expect(next.actions.map((a) => a.action)).toEqual(['coach_conversation', 'duo']);
    expect(task?.duo?.actionTaken).toContain('gesprek door de coach');
  });

  it('refuses a second action on a handled report', () => {
    const handled = applyAction(report(), input('correction')).report;
    expect(() => applyAction(handled, input('duo'))).toThrow(ReportAlreadyHandled);
  });

  it('requires an explanation', () => {
    expect(() => applyAction(report(), input('duo', { explanation: '   ' }))).toThrow(ExplanationRequired);
  });

  it('cannot complete a conversation that was never started', () => {
    expect(() =>
      completeConversation(report(), coach, '2026-09-30T09:00:00.000Z', 'Afspraken gemaakt.'),
    ).toThrow(InvalidTransition);
  });

  it('withdraws only a report the coach has not handled', () => {
    expect(withdraw(report(), '2026-09-28').status).toBe('withdrawn');
    const handled = applyAction(report(), input('correction')).report;
    expect(() => withdraw(handled, '2026-09-28')).toThrow(InvalidTransition);
    expect(() => applyAction(withdraw(report(), '2026-09-28'), input('duo'))).toThrow(InvalidTransition);
  });

  it('gives every task of a report its own deterministic id', () => {
    const first = applyAction(report(), input('coach_conversation')).report;
    const { task } = applyAction(first, input('officer_question'));
    expect(task?.taskId).toBe('s1.2026-09-07.a1');
    expect(applyAction(first, input('officer_question')).task?.taskId).toBe(task?.taskId);
  });
});

describe('tasks', () => {
  const duoTask = () =>
    applyAction(report(), input('duo')).task as NonNullable<ReturnType<typeof applyAction>['task']>;

  it('move open → in progress → done, never back', () => {
    const started = moveTask(duoTask(), 'in_progress');
    const done = moveTask(started, 'done');
    expect(done.status).toBe('done');
    expect(() => moveTask(done, 'in_progress')).toThrow(InvalidTransition);
    expect(() => moveTask(started, 'in_progress')).toThrow(InvalidTransition);
  });

  it("record DUO's status; closing needs a reason and ends it", () => {
    const registered = recordDuo(duoTask(), 'registered', 'vb-bakker', '2026-09-26T08:00:00Z');
    expect(registered.duoRecord?.status).toBe('registered');
    expect(() => recordDuo(registered, 'closed', 'vb-bakker', '2026-10-10T08:00:00Z')).toThrow(
      InvalidTransition,
    );
    const closed = recordDuo(
      registered,
      'closed',
      'vb-bakker',
      '2026-10-10T08:00:00Z',
      'student weer op school',
    );
    expect(closed.duoRecord).toMatchObject({ status: 'closed', closedReason: 'student weer op school' });
    expect(closed.duoRecord?.history.map((h) => h.status)).toEqual(['registered', 'closed']);
    expect(() => recordDuo(closed, 'noted', 'vb-bakker', '2026-10-11T08:00:00Z')).toThrow(InvalidTransition);
  });

  it('only a DUO task has a DUO status', () => {
    const question = applyAction(report(), input('officer_question')).task;
    if (!question) throw new Error('no task');
    expect(() => recordDuo(question, 'registered', 'vb-bakker', '2026-09-26T08:00:00Z')).toThrow(
      InvalidTransition,
    );
  });
});

describe('working days', () => {
  it('skip weekends and the public holidays given', () => {
    expect(addWorkingDays('2026-09-24', 5)).toBe('2026-10-01');
    expect(addWorkingDays('2026-12-23', 2, (d) => d === '2026-12-25')).toBe('2026-12-28');
  });
});
