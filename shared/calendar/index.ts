import { type CalendarData, SchoolCalendar } from './calendar';
import data from './data/regio-zuid.json';

export type {
  CalendarCoverage,
  CalendarData,
  CalendarDay,
  CalendarPeriod,
  SchoolWeeksWindow,
  SchoolYear,
} from './calendar';
export { DateOutsideCalendarError, SchoolCalendar } from './calendar';
export * from './dates';
export * from './holidays';
export * from './horizon';

/** The calendar bundled with the code: regio Zuid 2025-26 to 2027-28 (edit `data/regio-zuid.json`). */
export const defaultCalendar: SchoolCalendar = new SchoolCalendar(data as CalendarData);
