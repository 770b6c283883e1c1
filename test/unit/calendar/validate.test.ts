import { describe, expect, it } from 'vitest';
import {
  type CalendarData,
  calendarProblemText,
  defaultCalendarData,
  SchoolCalendar,
  summerHolidays,
  validateCalendar,
} from '../../../shared/calendar';

const bundled = (): CalendarData => structuredClone(defaultCalendarData);
const codes = (data: CalendarData, asOf?: string) => validateCalendar(data, asOf).map((p) => p.code);
const dutch = (data: CalendarData) => validateCalendar(data).map((p) => calendarProblemText('nl', p));

describe('validating the administrator’s school calendar', () => {
  it('accepts the bundled calendar', () => {
    expect(validateCalendar(bundled(), '2026-11-30')).toEqual([]);
  });

  it('refuses a gap where a school year is missing, naming its first and last day in Dutch', () => {
    const data = bundled();
    data.years.splice(1, 1);
    expect(dutch(data)).toEqual([
      'Gat in de kalender: van 11-07-2026 tot en met 29-08-2027 (tussen 2025-26 en 2027-28) is geen schooldag en geen vakantie; een zomervakantie duurt hoogstens 13 weken. Ontbreekt er een schooljaar?',
    ]);
  });

  it('refuses school years that overlap', () => {
    const data = bundled();
    (data.years[1] as CalendarData['years'][number]).firstDay = '2026-07-10';
    expect(dutch(data)).toEqual([
      'Schooljaar 2026-27 begint (10-07-2026) voordat 2025-26 eindigt (10-07-2026).',
    ]);
  });

  it('refuses holidays that overlap, or lie outside their school year', () => {
    const data = bundled();
    const year = data.years[0] as CalendarData['years'][number];
    year.holidays.push({ name: 'Extra', from: '2025-10-17', to: '2025-10-24' });
    year.holidays.push({ name: 'Te laat', from: '2026-07-13', to: '2026-07-17' });
    expect(dutch(data)).toEqual([
      'Schooljaar 2025-26: Te laat (13-07-2026 tot en met 17-07-2026) valt buiten het schooljaar.',
      'Schooljaar 2025-26: Extra overlapt met Herfstvakantie (17-10-2025 tot en met 19-10-2025).',
    ]);
  });

  it('refuses study days outside the years, in the weekend, in a holiday, on a public holiday or twice', () => {
    const data = bundled();
    data.extraDaysOff = [
      { date: '2024-01-10', name: 'Oud' },
      { date: '2026-03-07', name: 'Zaterdag' },
      { date: '2025-10-14', name: 'Herfst' },
      { date: '2026-04-06', name: 'Pasen' },
      { date: '2026-03-10', name: 'Een' },
      { date: '2026-03-10', name: 'Twee' },
    ];
    expect(codes(data)).toEqual([
      'studyDayOutsideYears',
      'studyDayWeekend',
      'studyDayInHoliday',
      'studyDayPublicHoliday',
      'studyDayDuplicate',
    ]);
    expect(dutch(data)[3]).toBe('Studiedag Pasen op 06-04-2026 valt op een feestdag (Tweede Paasdag).');
  });

  it('refuses reversed dates, a year twice, a year longer than a year, and no year at all', () => {
    const data = bundled();
    const [first, second] = data.years as [CalendarData['years'][number], CalendarData['years'][number]];
    first.holidays[0] = { name: 'Omgedraaid', from: '2025-10-19', to: '2025-10-11' };
    second.id = first.id;
    expect(codes(data)).toEqual(['holidayReversed', 'yearDuplicate']);
    expect(codes({ ...data, years: [] })).toEqual(['noYears']);
    expect(
      codes({
        ...bundled(),
        years: [{ id: '2025-26', firstDay: '2025-08-18', lastDay: '2026-09-30', holidays: [] }],
      }),
    ).toEqual(['yearTooLong']);
    expect(codes({ ...bundled(), extraDaysOff: [{ date: '2026-02-30', name: 'x' }] })).toEqual(['badDate']);
  });

  it('refuses a calendar whose last year ended before today: the nightly run would skip every night', () => {
    const data = bundled();
    data.years = data.years.slice(0, 1);
    expect(codes(data, '2026-11-30')).toEqual(['endsBeforeToday']);
  });

  it('names the summer holiday between each two years', () => {
    expect(summerHolidays(bundled())).toEqual([
      { year: '2025-26', from: '2026-07-11', to: '2026-08-23' },
      { year: '2026-27', from: '2027-07-17', to: '2027-08-29' },
    ]);
  });

  it('a study day makes the day no school day once the calendar is built from the edit', () => {
    const data = bundled();
    data.extraDaysOff.push({ date: '2027-03-10', name: 'Studiedag' });
    expect(validateCalendar(data)).toEqual([]);
    expect(new SchoolCalendar(data).isSchoolDay('2027-03-10')).toBe(false);
    expect(new SchoolCalendar(bundled()).isSchoolDay('2027-03-10')).toBe(true);
  });
  it('a next year 13 weeks after the last day is accepted by the editor and by the calendar that is built from it', () => {
    const years = [
      { id: '2025-26', firstDay: '2025-08-25', lastDay: '2026-05-22', holidays: [] },
      // 2026-08-21 is 91 days, 13 weeks, after 2026-05-22.
      { id: '2026-27', firstDay: '2026-08-21', lastDay: '2027-07-16', holidays: [] },
    ];
    const data = { ...bundled(), years, extraDaysOff: [] };
    expect(codes(data, '2026-01-01')).toEqual([]);
    expect(() => new SchoolCalendar(data)).not.toThrow();
    const longer = {
      ...data,
      years: [
        years[0] as (typeof years)[number],
        { ...(years[1] as (typeof years)[number]), firstDay: '2026-08-22' },
      ],
    };
    expect(codes(longer, '2026-01-01')).toEqual(['yearGap']);
    expect(() => new SchoolCalendar(longer)).toThrow(RangeError);
  });
});
