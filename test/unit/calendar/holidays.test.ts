import { describe, expect, it } from 'vitest';
import { SchoolCalendar } from '../../../shared/calendar';

/**
 * The bundled holidays all run Saturday to Sunday, so they cannot show whether a holiday's first
 * and last dates count as holiday. A school that enters study days from Monday to Wednesday can.
 */
describe('A holiday runs from its first to its last date, both included', () => {
  const own = new SchoolCalendar({
    years: [
      {
        id: '2030-31',
        firstDay: '2030-09-02',
        lastDay: '2030-10-25',
        holidays: [{ name: 'Studiedagen', from: '2030-09-16', to: '2030-09-18' }],
      },
    ],
    publicHolidayRule: { goodFriday: false, liberationDay: 'never', fridayAfterAscension: false },
    extraDaysOff: [],
  });

  it('has no lessons on the first and the last date of the holiday', () => {
    expect(own.isSchoolDay('2030-09-13')).toBe(true); // Friday before
    expect(own.isSchoolDay('2030-09-16')).toBe(false); // Monday, first date
    expect(own.isSchoolDay('2030-09-18')).toBe(false); // Wednesday, last date
    expect(own.isSchoolDay('2030-09-19')).toBe(true); // Thursday after
  });

  it('counts the school days around it: the day before Thursday is the Friday of the week before', () => {
    expect(own.previousSchoolDay('2030-09-19')).toBe('2030-09-13');
    expect(own.lastSchoolDays('2030-09-20', 3)).toEqual(['2030-09-13', '2030-09-19', '2030-09-20']);
  });
});
