/** Luxury-absence hints: exactly the absences on a school day next to a holiday, whatever the days. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, defaultCalendar } from '../../shared/calendar';
import { luxuryAbsenceHints } from '../../shared/policy';

const calendar = defaultCalendar;
const FIRST = '2025-08-18';
const dateArb = fc.integer({ min: 0, max: 700 }).map((n) => addDays(FIRST, n));
const dayArb = fc.record({
  date: dateArb,
  unauthorizedMinutes: fc.integer({ min: 0, max: 480 }),
  unauthorizedAbsentLessons: fc.integer({ min: 0, max: 6 }),
});
const daysArb = fc.uniqueArray(dayArb, { selector: (d) => d.date, maxLength: 60 });
const rangeArb = fc.tuple(dateArb, dateArb).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));

/** Days without school (weekend, holiday, public holiday) from `d` on, walking `step` days at a time. */
const noSchoolFrom = (d: string, step: 1 | -1): string[] => {
  const out: string[] = [];
  for (let day = d; calendar.covers(day) && !calendar.isSchoolDay(day); day = addDays(day, step))
    out.push(day);
  return out;
};
/** A run of more than 4 days without school next to `d` is a holiday (a weekend with a public holiday is at most 4). */
const touchesHoliday = (d: string, side: 'before' | 'after') =>
  noSchoolFrom(addDays(d, side === 'before' ? 1 : -1), side === 'before' ? 1 : -1).length > 4;

describe('luxuryAbsenceHints (property)', () => {
  it('hints only at a missed lesson on a school day directly next to a holiday, in range', () => {
    fc.assert(
      fc.property(daysArb, rangeArb, (days, [from, to]) => {
        for (const hint of luxuryAbsenceHints(calendar, days, from, to)) {
          expect(hint.date >= from && hint.date <= to).toBe(true);
          expect(calendar.isSchoolDay(hint.date)).toBe(true);
          expect(touchesHoliday(hint.date, hint.side)).toBe(true);
          const day = days.find((d) => d.date === hint.date);
          expect(day?.unauthorizedAbsentLessons).toBeGreaterThan(0);
          expect(hint.unauthorizedMinutes).toBe(day?.unauthorizedMinutes);
        }
      }),
    );
  });

  it('misses no missed lesson on a school day next to a holiday', () => {
    fc.assert(
      fc.property(daysArb, rangeArb, (days, [from, to]) => {
        const hinted = new Set(luxuryAbsenceHints(calendar, days, from, to).map((h) => h.date));
        for (const d of days) {
          if (d.date < from || d.date > to || d.unauthorizedAbsentLessons === 0) continue;
          if (!calendar.isSchoolDay(d.date)) continue;
          if (touchesHoliday(d.date, 'before') || touchesHoliday(d.date, 'after'))
            expect(hinted.has(d.date)).toBe(true);
        }
      }),
    );
  });
});
