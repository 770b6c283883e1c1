/**
 * Properties of signal evaluation that must hold for any school history: independence from the
 * order and duplicates of the day summaries, idempotent re-evaluation, and reports that count
 * only real unauthorized minutes, each minute at most once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar, fromDay, toDay } from '../../shared/calendar';
import {
  type DaySummary,
  evaluateStudent,
  initialSignalState,
  NORM_PROFILES,
  type NormProfile,
  profileFor,
  type Signal,
  type StudentFacts,
} from '../../shared/policy';
import { fourWeekSchoolDays } from '../../shared/policy/signals/four-week';
import { day, schoolDays, stepDaily, student, timeless } from '../unit/policy/fixtures';

const SCHOOL_DAYS = schoolDays('2025-08-18', '2027-07-16');

const dayKind = fc.constantFrom('present', 'truant', 'partial', 'late', 'sick', 'none');

function summaryOf(date: string, kind: string, lessons: number, missed: number): DaySummary | null {
  switch (kind) {
    case 'present':
      return day(date, { lessons });
    case 'truant':
      return day(date, { lessons, unauthorizedMinutes: lessons * 60, unauthorizedAbsentLessons: lessons });
    case 'partial': {
      const absent = Math.min(lessons, missed);
      return day(date, { lessons, unauthorizedMinutes: absent * 60, unauthorizedAbsentLessons: absent });
    }
    case 'late':
      return day(date, { lessons, unauthorizedMinutes: missed * 7, unauthorizedLateOrEarly: missed });
    case 'sick':
      return day(date, { lessons, sick: true, authorizedMinutes: lessons * 60 });
    default:
      return null; // no lessons registered that day
  }
}

/**
 * A stretch of school days with random presence, starting anywhere in the calendar's data. Built
 * from blocks of days alike (a sick week, a run of truancy) so that long patterns occur too.
 */
const historyStartingBefore = (room: number) =>
  fc
    .record({
      start: fc.nat({ max: SCHOOL_DAYS.length - room }),
      blocks: fc.array(
        fc.record({
          kind: dayKind,
          length: fc.integer({ min: 1, max: 25 }),
          lessons: fc.integer({ min: 1, max: 9 }),
          missed: fc.integer({ min: 1, max: 4 }),
        }),
        { minLength: 1, maxLength: 12 },
      ),
    })
    .map(({ start, blocks }) => {
      const summaries: DaySummary[] = [];
      let i = 0;
      for (const b of blocks) {
        for (let k = 0; k < b.length && i < 125; k++, i++) {
          const s = summaryOf(SCHOOL_DAYS[start + i] as string, b.kind, b.lessons, b.missed);
          if (s) summaries.push(s);
        }
      }
      return { summaries, from: SCHOOL_DAYS[start] as string, to: SCHOOL_DAYS[start + i - 1] as string };
    });

const history = historyStartingBefore(130);

const profileArb = fc.constantFrom(...(Object.values(NORM_PROFILES) as NormProfile[]));
/** Profiles the legal rules apply to (Route-X has its own internal norm and no 4-week signal). */
const legalProfileArb = fc.constantFrom(
  ...(Object.values(NORM_PROFILES) as NormProfile[]).filter((p) => p.legalRules),
);

const SCHOOL_DAY_SET = new Set(SCHOOL_DAYS);
/** Indexes in SCHOOL_DAYS of the Mondays that begin four school days in a row (Monday to Thursday). */
const FOUR_DAY_WEEK_STARTS = SCHOOL_DAYS.flatMap((d, i) =>
  new Date(`${d}T00:00:00Z`).getUTCDay() === 1 &&
  [1, 2, 3].every((k) =>
    SCHOOL_DAY_SET.has(new Date(Date.parse(d) + k * 86_400_000).toISOString().slice(0, 10)),
  )
    ? [i]
    : [],
);

/**
 * A history that ends with a 16-hour report waiting for the 7-day limit: any history, then
 * more than four school weeks without unauthorized absence, then whole days of truancy from a
 * Monday on, enough for one report and, a day or two later, the threshold once more.
 */
const waitingReport = fc
  .record({
    before: historyStartingBefore(200),
    profile: profileArb,
    lessons: fc.integer({ min: 8, max: 9 }),
  })
  .map(({ before, profile, lessons }) => {
    const gapUntil = SCHOOL_DAYS.indexOf(before.to) + 26;
    const monday = FOUR_DAY_WEEK_STARTS.find((i) => i > gapUntil) as number;
    const daysPerReport = Math.ceil(profile.reportMinutes / (lessons * 60));
    const tail = SCHOOL_DAYS.slice(monday, monday + 2 * daysPerReport);
    const summaries = [
      ...before.summaries,
      ...tail.map((d) => summaryOf(d, 'truant', lessons, 0) as DaySummary),
    ];
    return { summaries, profile, to: tail[tail.length - 1] as string };
  });

function run(days: readonly DaySummary[], asOf: string, profile: NormProfile, state = initialSignalState) {
  const s: StudentFacts = student();
  return evaluateStudent({ student: s, days, state, asOf, calendar: defaultCalendar, profile });
}

const settings = { numRuns: 150 };

/** School days from `from` to `to` in school weeks in which the student had a lesson. */
function runDays(summaries: readonly DaySummary[], from: string, to: string): number {
  const lessonWeeks = new Set(
    summaries.filter((d) => d.lessons > 0).map((d) => defaultCalendar.schoolWeekOf(d.date)),
  );
  return schoolDays(from, to).filter((d) => lessonWeeks.has(defaultCalendar.schoolWeekOf(d))).length;
}

type SignalOf<K extends Signal['kind']> = Extract<Signal, { kind: K }>;

function expectFourWeekShown(
  signal: SignalOf<'signal4w'>,
  summaries: readonly DaySummary[],
  inPeriod: readonly DaySummary[],
  byDate: ReadonlyMap<string, DaySummary>,
  profile: NormProfile,
): void {
  // Every registered lesson in the run was missed without authorization, on exactly the
  // threshold's number of school days (weeks without any lesson skipped), starting with a
  // missed lesson; they span at least 4 school weeks.
  for (const d of inPeriod) expect(d.unauthorizedAbsentLessons).toBe(d.lessons);
  expect(byDate.get(signal.period.from)?.lessons).toBeGreaterThan(0);
  expect(runDays(summaries, signal.period.from, signal.period.to)).toBe(fourWeekSchoolDays(profile));
  expect(signal.schoolDays).toBe(fourWeekSchoolDays(profile));
  expect(signal.weeks.length).toBeGreaterThanOrEqual(profile.fourWeekWeeks);
}

function expectSickLongShown(
  signal: SignalOf<'sick_long'>,
  inPeriod: readonly DaySummary[],
  profile: NormProfile,
): void {
  for (const d of inPeriod) if (d.lessons > 0) expect(d.sick).toBe(true);
  const schoolDaysSick = schoolDays(signal.period.from, signal.period.to).length;
  expect(schoolDaysSick).toBe(profile.sickLongDays);
}

function expectSickRepeatedShown(
  signal: SignalOf<'sick_repeated'>,
  byDate: ReadonlyMap<string, DaySummary>,
  profile: NormProfile,
): void {
  expect(signal.sickReports).toHaveLength(profile.sickRepeatedCount);
  for (const d of signal.sickReports) expect(byDate.get(d)?.sick).toBe(true);
}

function expectFrequentShown(
  signal: SignalOf<'frequent'>,
  byDate: ReadonlyMap<string, DaySummary>,
  profile: NormProfile,
): void {
  expect(signal.occurrences.length).toBeGreaterThanOrEqual(profile.frequentCount);
  for (const d of signal.occurrences) {
    const day = byDate.get(d);
    expect((day?.unauthorizedAbsentLessons ?? 0) + (day?.unauthorizedLateOrEarly ?? 0)).toBeGreaterThan(0);
  }
}

describe('Signal evaluation (properties)', () => {
  it('does not depend on the order in which days were recorded, nor on duplicates', () => {
    fc.assert(
      fc.property(history, profileArb, fc.infiniteStream(fc.nat()), ({ summaries, to }, profile, noise) => {
        const shuffled = [...summaries, ...summaries.filter((_, i) => i % 3 === 0)];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (noise.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as DaySummary, shuffled[i] as DaySummary];
        }
        expect(run(shuffled, to, profile)).toEqual(run(summaries, to, profile));
      }),
      settings,
    );
  });

  it('ignores every day after the evaluation date', () => {
    fc.assert(
      fc.property(history, profileArb, fc.nat(), ({ summaries }, profile, pick) => {
        const picked = summaries[pick % Math.max(1, summaries.length)];
        if (picked === undefined) return;
        const asOf = picked.date;
        const upTo = summaries.filter((d) => d.date <= asOf);
        expect(run(summaries, asOf, profile)).toEqual(run(upTo, asOf, profile));
      }),
      settings,
    );
  });

  it('gives the same result whichever copy of a corrected day comes first', () => {
    fc.assert(
      fc.property(history, profileArb, ({ summaries, to }, profile) => {
        const stale = summaries.map((d) => ({
          ...d,
          unauthorizedMinutes: Math.floor(d.unauthorizedMinutes / 2),
        }));
        expect(run([...stale, ...summaries], to, profile)).toEqual(
          run([...summaries, ...stale], to, profile),
        );
      }),
      settings,
    );
  });

  it('signals nothing new when evaluated again on the same date with the state it returned', () => {
    fc.assert(
      fc.property(history, profileArb, ({ summaries, to }, profile) => {
        const first = run(summaries, to, profile);
        const again = run(summaries, to, profile, first.state);
        expect(again.signals).toEqual([]);
        expect(again.state).toEqual(first.state);
      }),
      settings,
    );
  });

  it('names the date a waiting report will be made, and makes it then without new data', () => {
    fc.assert(
      fc.property(waitingReport, ({ summaries, to, profile }) => {
        const first = run(summaries, to, profile);
        expect(first.recheckOn).not.toBeNull();
        if (first.recheckOn === null) return;
        expect(first.recheckOn > to).toBe(true);
        expect(first.signals.filter((s) => s.kind === 'report16' && s.period.to >= to)).toEqual([]);
        const then = run(summaries, first.recheckOn, profile, first.state);
        // Or a sickness that reaches its 7th school day on a day without lessons (sickness.ts).
        expect(then.signals.filter((s) => s.kind === 'report16' || s.kind === 'sick_long')).not.toEqual([]);
      }),
      settings,
    );
  });

  it('finds the same signals stepping day by day as in one evaluation, and never one twice', () => {
    fc.assert(
      fc.property(history, profileArb, ({ summaries, from, to }, profile) => {
        const { signals: stepped, state } = stepDaily(
          (asOf, before) => run(summaries, asOf, profile, before),
          from,
          to,
          (s, asOf) => expect(s.detectedOn).toBe(asOf),
        );
        const once = run(summaries, to, profile);
        expect(timeless(stepped)).toEqual(timeless(once.signals));
        expect(state).toEqual(once.state);
        expect(new Set(stepped.map((s) => s.id)).size).toBe(stepped.length);
        // Reports are made at least `minDaysBetweenReports` calendar days apart while the absence
        // is continuous: sooner only when the student came back after the previous report's end.
        const reports = stepped.filter((s) => s.kind === 'report16');
        const madeOn = (s: Signal) => Date.parse(s.detectedOn) / 86_400_000;
        for (let i = 1; i < reports.length; i++) {
          const [before, after] = [reports[i - 1] as Signal, reports[i] as Signal];
          if (madeOn(after) - madeOn(before) >= profile.minDaysBetweenReports) continue;
          const cameBack = summaries.some(
            (d) =>
              d.date > before.period.to &&
              d.date <= after.period.to &&
              d.lessons > 0 &&
              d.unauthorizedAbsentLessons < d.lessons,
          );
          expect(cameBack).toBe(true);
          expect(after.detectedOn).toBe(after.period.to); // made on the day of the 16th hour
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reports only unauthorized minutes inside the window, at least the threshold, none counted twice', () => {
    fc.assert(
      fc.property(history, profileArb, ({ summaries, to }, profile) => {
        const byDate = new Map(summaries.map((s) => [s.date, s.unauthorizedMinutes]));
        const { signals } = run(summaries, to, profile);
        const counted = new Set<string>();
        for (const r of signals) {
          expect(r.period.from <= r.period.to && r.period.to <= to).toBe(true);
          if (r.kind !== 'report16') continue;
          expect(r.totalMinutes).toBeGreaterThanOrEqual(profile.reportMinutes);
          expect(r.minutesByDay.reduce((sum, d) => sum + d.minutes, 0)).toBe(r.totalMinutes);
          // The threshold was reached within the rolling window ending on the day it was reached.
          let sum = 0;
          const reached = r.minutesByDay.find((d) => {
            sum += d.minutes;
            return sum >= profile.reportMinutes;
          });
          expect(reached).toBeDefined();
          const windowStart = defaultCalendar.rollingWindowStartNumber(
            toDay(reached?.date ?? r.period.to),
            profile.windowWeeks,
          );
          expect(toDay(r.period.from)).toBeGreaterThanOrEqual(windowStart);
          for (const d of r.minutesByDay) {
            expect(d.minutes).toBeGreaterThan(0);
            expect(byDate.get(d.date)).toBe(d.minutes);
            expect(d.date >= r.period.from && d.date <= r.period.to).toBe(true);
            expect(counted.has(d.date)).toBe(false);
            counted.add(d.date);
          }
        }
      }),
      settings,
    );
  });

  it('raises pattern signals only on what the days show', () => {
    fc.assert(
      fc.property(history, profileArb, ({ summaries, to }, profile) => {
        const byDate = new Map(summaries.map((s) => [s.date, s]));
        for (const signal of run(summaries, to, profile).signals) {
          const inPeriod = summaries.filter(
            (d) => d.date >= signal.period.from && d.date <= signal.period.to,
          );
          if (signal.kind === 'signal4w') expectFourWeekShown(signal, summaries, inPeriod, byDate, profile);
          if (signal.kind === 'sick_long') expectSickLongShown(signal, inPeriod, profile);
          if (signal.kind === 'sick_repeated') expectSickRepeatedShown(signal, byDate, profile);
          if (signal.kind === 'frequent') expectFrequentShown(signal, byDate, profile);
        }
      }),
      settings,
    );
  });

  it('4.2: fires the 4-week signal on the 20th school day of any absence run, whatever weekday it started', () => {
    const run4w = fc.record({
      start: fc.nat({ max: SCHOOL_DAYS.length - 60 }),
      // School days without lessons inside the run: they do not break it.
      gaps: fc.uniqueArray(fc.nat({ max: 30 }), { maxLength: 6 }),
      lessons: fc.integer({ min: 1, max: 9 }),
      before: fc.constantFrom('present', 'sick', 'none'),
    });
    fc.assert(
      // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: one property's setup and assertions read as one story
      fc.property(run4w, legalProfileArb, ({ start, gaps, lessons, before }, profile) => {
        const needed = fourWeekSchoolDays(profile);
        const days: DaySummary[] = [];
        const previous = SCHOOL_DAYS[start - 1];
        if (previous !== undefined) {
          const s = summaryOf(previous, before, lessons, 1);
          if (s) days.push(s);
        }
        const missed: string[] = [];
        for (let i = start; missed.length < needed + 3; i++) {
          const date = SCHOOL_DAYS[i] as string;
          if (gaps.includes(i - start) && missed.length > 0) continue;
          days.push(summaryOf(date, 'truant', lessons, lessons) as DaySummary);
          missed.push(date);
        }
        // Days without lessons inside the run count, unless their whole school week had no lesson.
        const counted = SCHOOL_DAYS.slice(start, start + 60).filter((d) => runDays(days, d, d) === 1);
        const twentieth = counted[needed - 1] as string;
        // Found that evening; a day without lessons counts once its week shows a lesson, so when
        // the 20th day opens its week without one, it is found on the week's first lesson day.
        const week = defaultCalendar.schoolWeekOf(twentieth);
        const sameWeek = days.filter((d) => defaultCalendar.schoolWeekOf(d.date) === week);
        const found = sameWeek.some((d) => d.date <= twentieth)
          ? twentieth
          : (sameWeek.find((d) => d.date > twentieth)?.date as string);
        if (gaps.length === 0) expect(found).toBe(twentieth);
        const dayBefore = fromDay(toDay(found) - 1);
        expect(run(days, dayBefore, profile).signals.filter((s) => s.kind === 'signal4w')).toEqual([]);
        const fired = run(days, found, profile);
        expect(fired.signals.filter((s) => s.kind === 'signal4w')).toMatchObject([
          { period: { from: missed[0], to: twentieth }, detectedOn: found, schoolDays: needed },
        ]);
        const later = run(days, missed[missed.length - 1] as string, profile, fired.state);
        expect(later.signals.filter((s) => s.kind === 'signal4w')).toEqual([]);
      }),
      settings,
    );
  });

  it('never sends a Route-X report to DUO, and every standard one', () => {
    fc.assert(
      fc.property(history, ({ summaries, to }) => {
        const routeX = profileFor({ routeX: true });
        const standard = profileFor({ routeX: false });
        const x = run(summaries, to, routeX).signals.filter((s) => s.kind === 'report16');
        const st = run(summaries, to, standard).signals.filter((s) => s.kind === 'report16');
        for (const r of x) expect(r.reportToDuo).toBe(false);
        for (const r of st) expect(r.reportToDuo).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
