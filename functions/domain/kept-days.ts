/**
 * A student's day summaries kept on their signal state, so that a night reads only the days that
 * changed instead of the whole lookback. Pure: the store reads the changed days and saves the
 * result; this decides whether the kept days can serve, merges, and trims.
 *
 * What makes them trustworthy: every write of a registration names its old and new student-day
 * in the change log first (`writeRegistrations`), and a night evaluates (and saves the state of)
 * every student named for a day on or before its date, or records the days it owes in a failure
 * record. So between the first kept day and the last date the state was saved for, a day differs
 * from its registrations only while it is named in the change log, and the night merges exactly
 * those days.
 *
 * Two gaps in that argument are closed here and in the plan:
 * - The change log is written before the registrations it names, and the student index they are
 *   read from is eventually consistent: a night may read a changed day before the index shows the
 *   change, and then settle the change-log item. So the changed days a night read are `recent`
 *   and read once more by the student's next evaluation (a later run, hours or at least minutes
 *   on: far beyond a delivery's duration and the index's lag); usually that range joins the new
 *   day's, so it costs no extra query.
 * - A failure record owing a day after the date of a replay is not cleared by it (plan-night.ts):
 *   the replay keeps days only up to its date, so that day must still be owed by a later run.
 */
import type { SchoolCalendar } from '../../shared/calendar';
import { toDay } from '../../shared/calendar/dates';
import type { NormProfiles } from '../../shared/policy';
import type { DaySummary, IsoDate } from '../../shared/policy/types';

export interface KeptDays {
  /** The first date covered: a date in range without a summary had no live registration. */
  from: IsoDate;
  /** The last date covered (the latest date the state was evaluated for). */
  to: IsoDate;
  /** The days with lessons in `from`..`to`, oldest first. */
  days: readonly DaySummary[];
  /**
   * The changed days the last evaluation read (within `from`..`to`): the next evaluation reads
   * them again, in case the index had not caught up with their writes. Absent: none.
   */
  recent?: readonly IsoDate[];
}

/** How far back the rules look: the longest window of any norm profile, plus one week. */
const lookbackWeeks = (profiles: NormProfiles): number =>
  Math.max(
    ...Object.values(profiles).flatMap((p) => [
      p.windowWeeks,
      p.fourWeekWeeks + 1,
      p.sickRepeatedWindowWeeks,
      p.frequentWindowWeeks,
    ]),
  ) + 1;

/** The first day of the lookback as of a date: the days kept after a night start here. */
export const lookbackStart = (calendar: SchoolCalendar, profiles: NormProfiles, asOf: IsoDate): IsoDate =>
  calendar.schoolWeeksEndingOn(asOf, lookbackWeeks(profiles)).from;

/** Why the kept days cannot serve a night: the days are then read whole, as before. */
export type FullReadReason =
  /** First evaluation, or a state saved before days were kept (no `days` attribute). */
  | 'no-kept-days'
  /** A correction of a day older than the kept range (e.g. a day in an earlier term). */
  | 'changed-before-kept'
  /** The lookback starts before the kept days: a norm profile's window was lengthened, or a replay of an earlier date. */
  | 'lookback-before-kept';

export function fullReadReason(
  kept: KeptDays | undefined,
  readFrom: IsoDate,
  changed: readonly IsoDate[],
): FullReadReason | undefined {
  if (!kept) return 'no-kept-days';
  if (changed.some((date) => date < kept.from)) return 'changed-before-kept';
  if (readFrom < kept.from) return 'lookback-before-kept';
  return undefined;
}

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/**
 * The changed dates as ranges to read, one query each: dates at most `gap` days apart share a
 * range (a Friday and the Monday after: one read, the weekend between has no lessons). Every
 * date inside a range is read afresh, so a range may safely cover days that did not change.
 */
export function rangesToRead(changed: readonly IsoDate[], gap = 3): DateRange[] {
  const dates = [...new Set(changed)].sort();
  const ranges: DateRange[] = [];
  for (const date of dates) {
    const last = ranges.at(-1);
    if (last && toDay(date) - toDay(last.to) <= gap) last.to = date;
    else ranges.push({ from: date, to: date });
  }
  return ranges;
}

/**
 * The kept days with every date inside `ranges` replaced by what was read there (`fresh`): a
 * date in a range with no fresh summary has no live registration left and is removed.
 */
export function mergeRead(
  kept: readonly DaySummary[],
  ranges: readonly DateRange[],
  fresh: readonly DaySummary[],
): DaySummary[] {
  const inRead = (date: IsoDate) => ranges.some((r) => date >= r.from && date <= r.to);
  return [...kept.filter((d) => !inRead(d.date)), ...fresh.filter((d) => inRead(d.date))].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

/**
 * The days to keep after a night: those from the night's lookback start to `to`, and the changed
 * days read (`recent`) within that range, to be read once more next time.
 */
export function keepDays(
  days: readonly DaySummary[],
  from: IsoDate,
  to: IsoDate,
  recent: readonly IsoDate[] = [],
): KeptDays {
  const inRange = (date: IsoDate) => date >= from && date <= to;
  const kept: KeptDays = { from, to, days: days.filter((d) => inRange(d.date)) };
  const again = [...new Set(recent.filter(inRange))].sort();
  if (again.length > 0) kept.recent = again;
  return kept;
}

/** The later of two dates (the kept range never shrinks at its end: a replay keeps later days). */
export const laterOf = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** Where the day summaries come from: every day from a date on, or the days within ranges. */
export interface DayReader {
  from(date: IsoDate): Promise<DaySummary[]>;
  within(ranges: readonly DateRange[]): Promise<DaySummary[]>;
}

/**
 * The days the rules read as of `asOf` (from `from`: the lookback `start`, or an older changed
 * day) and the days to keep for the next night. Only the changed days are read when the kept days
 * cover what is needed; otherwise every day from `from` (`fullReadReason`).
 */
export async function nightDays(
  kept: KeptDays | undefined,
  at: { asOf: IsoDate; start: IsoDate; changed: readonly IsoDate[] },
  read: DayReader,
): Promise<{ days: DaySummary[]; kept: KeptDays; fullRead?: FullReadReason }> {
  const { asOf, start, changed } = at;
  const from = [start, ...changed].sort()[0] as IsoDate;
  const reason = fullReadReason(kept, from, changed);
  if (!kept || reason) {
    const days = await read.from(from);
    return { days, kept: keepDays(days, start, asOf, changed), fullRead: reason ?? 'no-kept-days' };
  }
  // Last evaluation's changed days are read again (the index may have lagged behind them then).
  const recent = kept.recent ?? [];
  const ranges = rangesToRead([...changed, ...recent.filter((d) => d >= kept.from)]);
  const fresh = ranges.length > 0 ? await read.within(ranges) : [];
  const merged = mergeRead(kept.days, ranges, fresh);
  // A replay of an earlier date keeps the later days: their changes were merged and settled.
  return {
    days: merged.filter((d) => d.date >= from),
    // A replay (not a later night) may run minutes after the last: it keeps the recent days too.
    kept: keepDays(merged, start, laterOf(kept.to, asOf), [...changed, ...(asOf <= kept.to ? recent : [])]),
  };
}
