/**
 * The local stand-in for the EventBridge Scheduler rule: the nightly job at 05:30 wall-clock
 * time in Europe/Amsterdam, for the school day before. Computed in that time zone so that
 * summer time does not move the run to 04:30 or 06:30.
 */
import { addDays } from '../../shared/calendar/dates';
import { dayBefore, localDate, SCHOOL_TIME_ZONE } from '../../shared/calendar/school-time';

export const NIGHTLY_TIME_ZONE = SCHOOL_TIME_ZONE;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

/** Minutes the zone is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant at which the wall clock in `timeZone` shows the given local date and time. */
export function zonedInstant(date: string, time: string, timeZone = NIGHTLY_TIME_ZONE): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // Two rounds settle it, also when the first guess lands on the other side of a DST change.
  let guess = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  guess = naive - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** The first run strictly after `now`: today's 05:30 if still ahead, else tomorrow's. */
export function nextNightlyRun(now: Date, time = '05:30'): Date {
  const today = localDate(now);
  const todays = zonedInstant(today, time);
  return todays.getTime() > now.getTime() ? todays : zonedInstant(addDays(today, 1), time);
}

/** The date a run at `runAt` evaluates: the day before, in school time. */
export const nightlyDateFor = (runAt: Date): string => dayBefore(runAt);

export interface SchedulerOptions {
  /** Runs the nightly job as of `date`. */
  run: (date: string) => Promise<void>;
  log?: (line: string) => void;
  now?: () => Date;
}

export interface Scheduler {
  nextRun(): Date;
  stop(): void;
}

/** Keeps one timer for the next run; never keeps the process alive on its own. */
export function startScheduler({ run, log = () => {}, now = () => new Date() }: SchedulerOptions): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let next = nextNightlyRun(now());
  let stopped = false;

  const arm = () => {
    if (stopped) return;
    next = nextNightlyRun(now());
    // setTimeout caps at ~24.8 days; a day is well within it. Re-check on wake-up, since the
    // machine may have slept.
    timer = setTimeout(fire, Math.max(0, next.getTime() - now().getTime()));
    timer.unref();
  };
  const fire = () => {
    if (stopped) return;
    if (now().getTime() < next.getTime()) {
      arm();
      return;
    }
    const date = nightlyDateFor(next);
    log(`nightly run for ${date}`);
    run(date)
      .catch((error: unknown) => log(`nightly run for ${date} failed: ${String(error)}`))
      .finally(arm);
  };
  arm();
  return {
    nextRun: () => next,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
