import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  awaitsEndDate,
  confirmEndDate,
  duoDeadlineOf,
  endDateFrom,
  endDateToRegister,
  proposeEndDate,
  referralDuoDraft,
} from '../../../functions/domain/duo';
import { InvalidTransition } from '../../../functions/domain/errors';
import { newTask, type Task } from '../../../functions/domain/task';
import { defaultCalendar } from '../../../shared/calendar';
import { profileFor } from '../../../shared/policy';
import { duoDeadline, isOverdue, reminderDay, remindsOn } from '../../../shared/policy/duo-deadlines';

const coach = { staffId: 'c-1', name: 'M. Jansen', email: 'c-1@school.example' };

function duoTask(type: NonNullable<Task['duo']>['type'] = '16_hours_in_4_weeks'): Task {
  return {
    ...newTask({
      taskId: 't-1',
      kind: 'duo_report',
      about: { studentId: 's-1', studentName: 'Sanne', teamId: 'team-1' },
      createdOn: '2026-12-21',
    }),
    duo: referralDuoDraft({
      student: { studentId: 's-1', studentName: 'Sanne' },
      type,
      addressee: 'lpa',
      period: { from: '2026-12-14', to: '2026-12-18' },
      unauthorizedMinutes: 960,
      absentDays: 2,
      allLessonsMissed: true,
      explanation: 'Geen reactie',
      by: coach,
      today: '2026-12-21',
    }),
    duoRecord: { history: [] },
  };
}

describe('"Melden ja": DUO deadline of 5 working days, the coach 2', () => {
  it('counts the Christmas holiday as working days but not Christmas Day and Boxing Day (a public holiday)', () => {
    // 16th hour on Friday 18 December 2026; the school's Christmas holiday starts the 19th.
    expect(duoDeadline(defaultCalendar, '2026-12-18')).toBe('2026-12-28');
    expect(
      defaultCalendar.addWorkingDays('2026-12-18', profileFor({ routeX: false }).reportDueWorkingDays),
    ).toBe('2026-12-22');
  });

  it('skips Good Friday and Easter Monday, and counts the May holiday (school holiday) as working days', () => {
    // Thursday 2 April: Good Friday 3 and Easter Monday 6 April are skipped.
    expect(duoDeadline(defaultCalendar, '2026-04-02')).toBe('2026-04-13');
    // The May holiday of 2026 runs 18 April to 3 May: those weekdays are working days (King's Day 27 April is not).
    expect(duoDeadline(defaultCalendar, '2026-04-24')).toBe('2026-05-04');
  });

  it('reminds from the working day before the term until it passes: a Monday term is reminded on Friday', () => {
    expect(reminderDay(defaultCalendar, '2026-12-28')).toBe('2026-12-24');
    expect(remindsOn(defaultCalendar, '2026-12-28', '2026-12-23')).toBe(false);
    expect(remindsOn(defaultCalendar, '2026-12-28', '2026-12-24')).toBe(true);
    expect(remindsOn(defaultCalendar, '2026-12-28', '2026-12-27')).toBe(true);
    expect(remindsOn(defaultCalendar, '2026-12-28', '2026-12-29')).toBe(false);
    expect(isOverdue('2026-12-28', '2026-12-28')).toBe(false);
    expect(isOverdue('2026-12-28', '2026-12-29')).toBe(true);
  });

  it('the coach always has a term before DUO, on a working day, leaving the officer 3 working days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), (offset) => {
        const base = defaultCalendar.addWorkingDays('2025-09-01', offset);
        const coachDue = defaultCalendar.addWorkingDays(base, 2);
        const duo = duoDeadline(defaultCalendar, base);
        expect(coachDue < duo).toBe(true);
        expect(defaultCalendar.addWorkingDays(coachDue, 3)).toBe(duo);
        expect(defaultCalendar.isPublicHoliday(duo)).toBe(false);
      }),
    );
  });

  it('a report stored before the deadline field falls back to 5 weekdays after its last day', () => {
    expect(duoDeadlineOf({ to: '2026-11-12' })).toBe('2026-11-19');
    expect(duoDeadlineOf({ to: '2026-11-12', duoDeadline: '2026-11-20' })).toBe('2026-11-20');
  });
});

describe('DUO end date: the first day back, or the day the student left', () => {
  const days = [
    { date: '2026-12-21', attended: false },
    { date: '2027-01-04', attended: true },
    { date: '2027-01-05', attended: true },
  ];

  it('takes the first day with a lesson attended after the report', () => {
    expect(endDateFrom('2026-12-18', days, undefined)).toEqual({ date: '2027-01-04', why: 'back_at_school' });
  });

  it('takes the leaving date when the student left before coming back', () => {
    expect(endDateFrom('2026-12-18', days, '2026-12-22')).toEqual({ date: '2026-12-22', why: 'left' });
    expect(endDateFrom('2026-12-18', days.slice(0, 1), undefined)).toBeNull();
  });

  it('puts "register the end date" on the task once; the officer confirms it', () => {
    const task = duoTask();
    expect(awaitsEndDate(task)).toBe(true);
    const proposed = proposeEndDate(task, { date: '2027-01-04', why: 'back_at_school' }, '2027-01-04');
    expect(endDateToRegister(proposed)).toBe(true);
    expect(awaitsEndDate(proposed)).toBe(false);
    expect(() =>
      proposeEndDate(proposed, { date: '2027-01-05', why: 'back_at_school' }, '2027-01-05'),
    ).toThrow(InvalidTransition);
    const confirmed = confirmEndDate(proposed, '2027-01-04', 'vb-1', '2027-01-05T09:00:00.000Z');
    expect(confirmed.duoEndDate).toMatchObject({ date: '2027-01-04', confirmedBy: 'vb-1' });
    expect(endDateToRegister(confirmed)).toBe(false);
    expect(() => confirmEndDate(confirmed, '2027-01-04', 'vb-1', '2027-01-05T10:00:00.000Z')).toThrow(
      InvalidTransition,
    );
  });

  it('asks no end date of a luxury-absence report, and refuses one before the absence began', () => {
    expect(awaitsEndDate(duoTask('luxury'))).toBe(false);
    expect(() => confirmEndDate(duoTask('luxury'), '2027-01-04', 'vb-1', 'x')).toThrow(InvalidTransition);
    expect(() => confirmEndDate(duoTask(), '2026-12-01', 'vb-1', 'x')).toThrow(InvalidTransition);
  });
});
