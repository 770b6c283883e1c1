/**
 * Before the nightly run counts school days, check that the calendar reaches its date. A run
 * beyond the calendar would see no school days and so no absence: it is skipped and reported
 * instead, and every run says how many weeks the calendar has left.
 */
import { type CalendarHorizon, calendarHorizon, type SchoolCalendar } from '../../../shared/calendar';
import { CALENDAR_WEEKS_LEFT, NIGHTLY_OUTSIDE_CALENDAR } from './calendar-metrics';

export interface MetricsPort {
  addMetric(name: string, unit: 'Count', value: number): void;
}

export interface CalendarGuardDeps {
  calendar: SchoolCalendar;
  metrics: MetricsPort;
  warn: (message: string, data: Record<string, unknown>) => void;
  error: (message: string, data: Record<string, unknown>) => void;
}

/** What the handler returns for a date it refused to evaluate. */
export interface SkippedNightly {
  asOf: string;
  skipped: 'outside_calendar';
  calendar: CalendarHorizon;
}

export function checkCalendar(deps: CalendarGuardDeps, asOf: string): CalendarHorizon {
  const horizon = calendarHorizon(deps.calendar, asOf);
  deps.metrics.addMetric(CALENDAR_WEEKS_LEFT, 'Count', horizon.weeksLeft);
  const data = { asOf, endsOn: horizon.endsOn, weeksLeft: horizon.weeksLeft };
  if (!horizon.covered) {
    deps.metrics.addMetric(NIGHTLY_OUTSIDE_CALENDAR, 'Count', 1);
    deps.error('Nightly run skipped: its date lies outside the school calendar; add the school year', data);
  } else if (horizon.endsSoon) {
    deps.warn('The school calendar ends soon: add the next school year', data);
  }
  return horizon;
}
