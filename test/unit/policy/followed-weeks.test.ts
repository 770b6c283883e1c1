/** Attendance while a case follows the student (appendix 4 §2, "3 weken volgen"): per school week. */
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../shared/calendar';
import { followedWeeks } from '../../../shared/policy/followed-weeks';

const day = (date: string, lessonMinutes: number, unauthorizedMinutes: number) => ({
  date,
  summary: { lessonMinutes, authorizedMinutes: 0, unauthorizedMinutes },
});

describe('followed weeks', () => {
  it('gives each school week of the period its unauthorized minutes and presence, leaving out the Christmas holiday', () => {
    const days = [
      day('2026-12-14', 480, 480), // before the period: not counted
      day('2026-12-16', 480, 120),
      day('2026-12-17', 480, 0),
      day('2027-01-05', 480, 480),
    ];
    expect(followedWeeks(defaultCalendar, days, '2026-12-16', '2027-01-06')).toEqual([
      { weekStart: '2026-12-14', unauthorizedMinutes: 120, presencePercent: 87.5 },
      { weekStart: '2027-01-04', unauthorizedMinutes: 480, presencePercent: 0 },
    ]);
  });

  it('shows a school week without lessons for the student as no percentage, not as 0 %', () => {
    expect(followedWeeks(defaultCalendar, [], '2027-01-11', '2027-01-15')).toEqual([
      { weekStart: '2027-01-11', unauthorizedMinutes: 0, presencePercent: null },
    ]);
  });
});
