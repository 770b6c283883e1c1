import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CalendarData,
  fromDay,
  MAX_SUMMER_WEEKS,
  SchoolCalendar,
  toDay,
  validateCalendar,
  weekday,
} from '../../shared/calendar';

/** A well-formed calendar: consecutive years of 40–46 weeks, summers of 5–8 weeks, holidays and study days inside. */
const calendar = fc
  .record({
    years: fc.array(
      fc.record({
        weeks: fc.integer({ min: 40, max: 46 }),
        summer: fc.integer({ min: 5, max: 8 }),
        holidayStarts: fc.uniqueArray(fc.integer({ min: 1, max: 38 }), { maxLength: 4 }),
        studyDayWeeks: fc.uniqueArray(fc.integer({ min: 0, max: 39 }), { maxLength: 4 }),
        studyDayWeekday: fc.integer({ min: 0, max: 4 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    startYear: fc.integer({ min: 2020, max: 2035 }),
  })
  .map(({ years, startYear }): CalendarData => {
    // A Monday in the second half of August.
    let monday = toDay(`${startYear}-08-16`);
    while (weekday(monday) !== 0) monday++;
    const data: CalendarData = {
      years: [],
      publicHolidayRule: { goodFriday: true, liberationDay: 'lustrum', fridayAfterAscension: true },
      extraDaysOff: [],
    };
    years.forEach((y, i) => {
      const first = monday;
      const last = first + y.weeks * 7 - 3; // a Friday
      const holidays = [...y.holidayStarts]
        .sort((a, b) => a - b)
        .filter((w, k, all) => k === 0 || w > (all[k - 1] as number))
        .map((w, k) => ({
          name: `Vakantie ${k}`,
          from: fromDay(first + w * 7 - 2),
          to: fromDay(first + w * 7 + 6),
        }));
      // Holidays a week long each, one week at least between starts: none overlap.
      const apart = holidays.filter(
        (h, k) => k === 0 || toDay(h.from) > toDay((holidays[k - 1] as { to: string }).to),
      );
      data.years.push({
        id: `${startYear + i}-${String((startYear + i + 1) % 100).padStart(2, '0')}`,
        firstDay: fromDay(first),
        lastDay: fromDay(last),
        holidays: apart,
      });
      for (const w of y.studyDayWeeks) {
        const date = fromDay(first + w * 7 + y.studyDayWeekday);
        const inHoliday = apart.some((h) => h.from <= date && date <= h.to);
        if (!inHoliday) data.extraDaysOff.push({ date, name: 'Studiedag' });
      }
      monday = last + 3 + y.summer * 7;
    });
    // Study days on a public holiday are refused: leave those out of the well-formed calendar.
    const probe = validateCalendar(data);
    const onHoliday = new Set(probe.flatMap((p) => (p.code === 'studyDayPublicHoliday' ? [p.date] : [])));
    data.extraDaysOff = data.extraDaysOff.filter((d) => !onHoliday.has(d.date));
    return data;
  });

describe('calendar validation (property)', () => {
  it('accepts every well-formed calendar, which then builds', () => {
    fc.assert(
      fc.property(calendar, (data) => {
        expect(validateCalendar(data)).toEqual([]);
        expect(() => new SchoolCalendar(data)).not.toThrow();
      }),
    );
  });

  it('refuses a calendar with a middle year removed, naming the gap from the day after one year to the day before the next', () => {
    fc.assert(
      fc.property(
        calendar.filter((d) => d.years.length >= 3),
        fc.nat(),
        (data, pick) => {
          const i = 1 + (pick % (data.years.length - 2));
          const before = data.years[i - 1] as CalendarData['years'][number];
          const after = data.years[i + 1] as CalendarData['years'][number];
          const gapped = { ...data, years: data.years.filter((_, k) => k !== i), extraDaysOff: [] };
          const gaps = validateCalendar(gapped).filter((p) => p.code === 'yearGap');
          expect(gaps).toEqual([
            {
              code: 'yearGap',
              year: after.id,
              previous: before.id,
              from: addDays(before.lastDay, 1),
              to: addDays(after.firstDay, -1),
            },
          ]);
          expect(toDay(after.firstDay) - toDay(before.lastDay)).toBeGreaterThan(MAX_SUMMER_WEEKS * 7);
        },
      ),
    );
  });

  it('never accepts what SchoolCalendar would refuse: any shift of a year’s dates either validates and builds, or is refused', () => {
    fc.assert(
      fc.property(
        calendar,
        fc.nat(),
        fc.integer({ min: -400, max: 400 }),
        fc.boolean(),
        (data, pick, shift, firstDay) => {
          const year = data.years[pick % data.years.length] as CalendarData['years'][number];
          if (firstDay) year.firstDay = addDays(year.firstDay, shift);
          else year.lastDay = addDays(year.lastDay, shift);
          if (validateCalendar(data).length === 0) expect(() => new SchoolCalendar(data)).not.toThrow();
        },
      ),
    );
  });
});
