/**
 * Minutes and the day summary at their edges: what a lesson's times come to, what a late
 * arrival may count, and which registrations make a day "sick" or add an occurrence.
 */
import { describe, expect, it } from 'vitest';
import {
  type Classification,
  minutesMissed,
  minutesOfDay,
  type RegistrationStatus,
  summarizeDay,
} from '../../../shared/policy';

describe('Minutes (exact, never rounded)', () => {
  it('reads lesson times as minutes since midnight', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('08:30')).toBe(510);
    expect(minutesOfDay('13:05')).toBe(785);
    expect(minutesOfDay('23:59')).toBe(1439);
  });

  it('counts nothing for a lesson attended, whatever minutes were entered with it', () => {
    expect(minutesMissed('present', 60, 15)).toBe(0);
  });

  it('counts no negative minutes for a late arrival entered with a negative number', () => {
    expect(minutesMissed('late', 60, -5)).toBe(0);
    expect(minutesMissed('left_early', 60, 0)).toBe(0);
  });
});

const c = (fields: Partial<Classification>): Classification => ({
  kind: 'unauthorized',
  minutesMissed: 0,
  lessonMinutes: 60,
  ruleId: 'unexplained',
  sick: false,
  ...fields,
});
const item = (status: RegistrationStatus, fields: Partial<Classification>) => ({
  status,
  classification: c(fields),
});

describe('Day summary', () => {
  it('keeps a day without any sickness reported out of the sickness patterns', () => {
    const summary = summarizeDay('2026-11-10', [
      item('present', { kind: 'present', ruleId: 'present' }),
      item('absent', { minutesMissed: 60 }),
    ]);
    expect(summary.sick).toBe(false);
  });

  it('counts missed lessons and late arrivals apart: two absences and one late arrival', () => {
    const summary = summarizeDay('2026-11-10', [
      item('absent', { minutesMissed: 60 }),
      item('absent', { minutesMissed: 60 }),
      item('late', { minutesMissed: 10 }),
    ]);
    expect(summary).toMatchObject({
      lessons: 3,
      unauthorizedMinutes: 130,
      unauthorizedAbsentLessons: 2,
      unauthorizedLateOrEarly: 1,
    });
  });

  it('does not count a late arrival of 0 minutes as an occurrence of frequent absence', () => {
    const summary = summarizeDay('2026-11-10', [item('late', { minutesMissed: 0 })]);
    expect(summary).toMatchObject({ unauthorizedMinutes: 0, unauthorizedLateOrEarly: 0 });
  });
});
