/** Appendix 4, luxe verzuim: the school days directly before and after a holiday. */
import { describe, expect, it } from 'vitest';
import { type CalendarData, SchoolCalendar } from '../../../shared/calendar/calendar';
import bundled from '../../../shared/calendar/data/regio-zuid.json';
import { holidayEdges, luxuryAbsenceHints } from '../../../shared/policy';

const regioZuid = new SchoolCalendar(bundled as CalendarData);

/** 2027: an Easter holiday right after Good Friday (26 March) and a holiday right before Whit Monday (17 May). */
const easter = new SchoolCalendar({
  years: [
    {
      id: '2026-27',
      firstDay: '2026-08-24',
      lastDay: '2027-07-16',
      holidays: [
        { name: 'Paasvakantie', from: '2027-03-27', to: '2027-04-04' },
        { name: 'Pinkstervakantie', from: '2027-05-08', to: '2027-05-16' },
      ],
    },
  ],
  publicHolidayRule: { goodFriday: true, liberationDay: 'never', fridayAfterAscension: false },
  extraDaysOff: [],
});

const absent = (date: string, minutes = 300) => ({
  date,
  unauthorizedMinutes: minutes,
  unauthorizedAbsentLessons: 4,
});

describe('Holiday edges (the last school day before a holiday, the first after it)', () => {
  it('names the Friday before and the Monday after the autumn holiday', () => {
    expect(holidayEdges(regioZuid, '2026-10-01', '2026-10-31')).toEqual([
      { date: '2026-10-16', holiday: 'Herfstvakantie', side: 'before' },
      { date: '2026-10-26', holiday: 'Herfstvakantie', side: 'after' },
    ]);
  });

  it('steps over a public holiday next to the holiday: Good Friday before, Whit Monday after', () => {
    expect(holidayEdges(easter, '2027-03-01', '2027-05-31')).toEqual([
      { date: '2027-03-25', holiday: 'Paasvakantie', side: 'before' },
      { date: '2027-04-05', holiday: 'Paasvakantie', side: 'after' },
      { date: '2027-05-07', holiday: 'Pinkstervakantie', side: 'before' },
      { date: '2027-05-18', holiday: 'Pinkstervakantie', side: 'after' },
    ]);
  });

  it('counts the summer between two school years as a holiday', () => {
    expect(holidayEdges(regioZuid, '2026-07-01', '2026-08-31')).toEqual([
      { date: '2026-07-10', holiday: 'Zomervakantie', side: 'before' },
      { date: '2026-08-24', holiday: 'Zomervakantie', side: 'after' },
    ]);
  });
});

describe('Luxury-absence hints', () => {
  it('lists a lesson missed without leave on an edge, not on the days around it', () => {
    const days = [absent('2026-10-15'), absent('2026-10-16', 240), absent('2026-10-27')];
    expect(luxuryAbsenceHints(regioZuid, days, '2026-10-01', '2026-10-31')).toEqual([
      { date: '2026-10-16', holiday: 'Herfstvakantie', side: 'before', unauthorizedMinutes: 240 },
    ]);
  });

  it('does not count coming late as a day off', () => {
    const late = { date: '2026-10-26', unauthorizedMinutes: 20, unauthorizedAbsentLessons: 0 };
    expect(luxuryAbsenceHints(regioZuid, [late], '2026-10-01', '2026-10-31')).toEqual([]);
  });

  it('finds the absence on the Tuesday after Whit Monday, not on the Monday itself', () => {
    const days = [absent('2027-05-17'), absent('2027-05-18')];
    expect(luxuryAbsenceHints(easter, days, '2027-05-01', '2027-05-31')).toEqual([
      { date: '2027-05-18', holiday: 'Pinkstervakantie', side: 'after', unauthorizedMinutes: 300 },
    ]);
  });
});
