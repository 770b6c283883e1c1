/** Presence on the student page and the presence overview: minutes per week, per year, in the window, as a percentage. */
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../shared/calendar';
import {
  presenceByWeek,
  presencePercentage,
  presenceTotals,
  presenceWindow,
  presentMinutes,
} from '../../../shared/policy';

const day = (date: string, lessonMinutes: number, authorizedMinutes = 0, unauthorizedMinutes = 0) => ({
  date,
  summary: { lessonMinutes, authorizedMinutes, unauthorizedMinutes },
});

describe('presentMinutes: lesson minutes not missed', () => {
  it('subtracts authorized and unauthorized minutes from the lesson minutes', () => {
    expect(presentMinutes(day('2026-11-02', 480, 60, 45).summary)).toBe(375);
  });

  it('is never below zero when more is registered missed than was scheduled', () => {
    expect(presentMinutes(day('2026-11-02', 60, 50, 50).summary)).toBe(0);
  });
});

describe('presenceByWeek: the student page, attendance per week', () => {
  it('adds the days of a week under its Monday, oldest week first, whatever the order of the days', () => {
    const days = [
      day('2026-11-09', 300, 0, 60), // Monday of the second week
      day('2026-11-03', 480, 60, 0), // Tuesday of the first week
      day('2026-11-06', 240, 0, 240), // Friday of the first week
      day('2026-11-08', 0, 0, 0), // Sunday: still the first week
    ];
    expect(presenceByWeek(days)).toEqual([
      { weekStart: '2026-11-02', presentMinutes: 420, authorizedMinutes: 60, unauthorizedMinutes: 240 },
      { weekStart: '2026-11-09', presentMinutes: 240, authorizedMinutes: 0, unauthorizedMinutes: 60 },
    ]);
  });

  it('has no weeks without days', () => {
    expect(presenceByWeek([])).toEqual([]);
  });
});

describe("presenceTotals: the student page, the year's breakdown", () => {
  it('adds present, authorized and unauthorized minutes of every day', () => {
    const days = [
      day('2026-09-01', 480, 60, 0),
      day('2026-11-06', 240, 0, 240),
      day('2027-03-01', 100, 80, 80),
    ];
    expect(presenceTotals(days)).toEqual({
      presentMinutes: 420,
      authorizedMinutes: 140,
      unauthorizedMinutes: 320,
    });
  });

  it('is all zero without days', () => {
    expect(presenceTotals([])).toEqual({ presentMinutes: 0, authorizedMinutes: 0, unauthorizedMinutes: 0 });
  });
});

describe('presenceWindow: the student page, unauthorized minutes in the current 4 school weeks', () => {
  it('counts the 4 school weeks ending with the week of today, Monday to Sunday', () => {
    const days = [
      day('2026-10-23', 480, 0, 999), // Friday before the window
      day('2026-10-26', 480, 0, 60), // first day of the window
      day('2026-11-18', 480, 60, 30), // today
      day('2026-11-22', 480, 0, 15), // Sunday, last day of the window
    ];
    expect(presenceWindow(defaultCalendar, days, '2026-11-18', 4)).toEqual({
      from: '2026-10-26',
      to: '2026-11-22',
      unauthorizedMinutes: 105,
    });
  });

  it('skips a holiday week: the window reaches back over it', () => {
    // Autumn holiday 17-25 Oct 2026: the 4 school weeks up to 4 Nov start on 5 Oct.
    const days = [
      day('2026-10-02', 480, 0, 999), // Friday before the window
      day('2026-10-05', 480, 0, 10),
      day('2026-10-20', 0, 0, 0),
      day('2026-11-04', 480, 0, 20),
    ];
    expect(presenceWindow(defaultCalendar, days, '2026-11-04', 4)).toEqual({
      from: '2026-10-05',
      to: '2026-11-08',
      unauthorizedMinutes: 30,
    });
  });

  it('has no window on a day the calendar does not cover', () => {
    expect(presenceWindow(defaultCalendar, [day('2030-01-07', 480, 0, 60)], '2030-01-07', 4)).toEqual({
      from: null,
      to: null,
      unauthorizedMinutes: 0,
    });
  });
});

describe('presencePercentage: the presence overview', () => {
  it('is the share of lesson minutes neither authorized nor unauthorized missed, to one decimal', () => {
    // 960 lesson minutes, 100 unauthorized and 45 authorized missed: 815 / 960 = 84.895…%.
    expect(presencePercentage([day('2026-11-02', 480, 45, 40), day('2026-11-03', 480, 0, 60)])).toBe(84.9);
  });

  it('is 100 when nothing was missed and 0 when everything was', () => {
    expect(presencePercentage([day('2026-11-02', 480)])).toBe(100);
    expect(presencePercentage([day('2026-11-02', 480, 240, 240)])).toBe(0);
  });

  it('is 0 when there were no lessons', () => {
    expect(presencePercentage([day('2026-11-07', 0)])).toBe(0);
    expect(presencePercentage([])).toBe(0);
  });
});
