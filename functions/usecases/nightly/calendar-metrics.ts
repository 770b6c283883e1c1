import { SERVICE_NAMES } from '../../service-names';

/**
 * The metrics the nightly run emits about the school calendar, named once for the handler and
 * for the alarms on them (infra/constructs/alarms.ts).
 */
export const NIGHTLY_SERVICE = SERVICE_NAMES['nightly-plan'];

/** Whole weeks until the calendar's last covered day (negative once past it), every run. */
export const CALENDAR_WEEKS_LEFT = 'CalendarWeeksLeft';

/** 1 when a run was skipped because its date lies outside the calendar. */
export const NIGHTLY_OUTSIDE_CALENDAR = 'NightlyOutsideCalendar';
