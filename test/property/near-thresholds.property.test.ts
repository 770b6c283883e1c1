/** The "bijna 8 / 16 uur" marks, for any count and any norm: close to a threshold, never past it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../shared/calendar';
import { currentCount, initialSignalState, NORM_PROFILES, nearMarks } from '../../shared/policy';
import { schoolDays, truant } from '../unit/policy/fixtures';

const profiles = Object.values(NORM_PROFILES);
const novemberDays = schoolDays('2026-11-02', '2026-11-27');

describe('near-threshold marks', () => {
  it('never mark a student already at or over the threshold, nor "bijna 8" after this period\'s signal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.boolean(),
        fc.constantFrom(...profiles),
        (minutes, sent, p) => {
          const marks = nearMarks(minutes, sent, p);
          if (marks.includes('near8')) {
            expect(minutes).toBeLessThan(p.signalMinutes);
            expect(sent).toBe(false);
          }
          if (marks.includes('near16')) expect(minutes).toBeLessThan(p.reportMinutes);
          if (minutes >= p.reportMinutes) expect(marks).toEqual([]);
        },
      ),
    );
  });

  it('count only minutes of the window, and never more than the days hold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...novemberDays), fc.integer({ min: 0, max: 480 })), {
          maxLength: 20,
        }),
        fc.constantFrom(...novemberDays),
        (entries, today) => {
          const byDate = new Map(entries);
          const days = [...byDate].map(([date, minutes]) => truant(date, minutes));
          const result = currentCount(
            defaultCalendar,
            days,
            initialSignalState,
            today,
            NORM_PROFILES.standard as never,
          );
          const upToToday = days
            .filter((d) => d.date <= today)
            .reduce((n, d) => n + d.unauthorizedMinutes, 0);
          expect(result.minutes).toBe(upToToday); // the whole of November is within 4 school weeks of a November day
          for (const m of result.marks) expect(['near8', 'near16']).toContain(m);
          if (result.minutes >= 960) expect(result.marks).toEqual([]);
        },
      ),
    );
  });
});
