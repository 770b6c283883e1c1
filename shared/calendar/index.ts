import { type CalendarData, SchoolCalendar } from './calendar';
import data from './data/regio-zuid.json';

export type { CalendarData, CalendarDay, CalendarPeriod, SchoolWeeksWindow, SchoolYear } from './calendar';
export { SchoolCalendar } from './calendar';
export * from './dates';

/** The calendar bundled with the code: regio Zuid 2025-26 and 2026-27 (edit `data/regio-zuid.json`). */
export const defaultCalendar: SchoolCalendar = new SchoolCalendar(data satisfies CalendarData);
