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
export { DateOutsideCalendarError, MAX_SUMMER_WEEKS, SchoolCalendar } from './calendar';
export * from './dates';
export * from './holidays';
export * from './horizon';
export * from './validate';

/** The calendar bundled with the code: regio Zuid 2025-26 to 2027-28 (edit `data/regio-zuid.json`). */
export const defaultCalendarData: CalendarData = data as CalendarData;
/** The bundled calendar; the administrator's edit, when stored, replaces it (functions/usecases/admin). */
export const defaultCalendar: SchoolCalendar = new SchoolCalendar(defaultCalendarData);
