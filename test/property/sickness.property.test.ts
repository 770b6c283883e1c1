/**
 * Properties of the sickness patterns (appendix 4: "Langdurige ziekmeldingen", "Meerdere
 * ziekmeldingen"; README "Sickness"): a sickness lasts, in school days of the calendar, from its
 * first sick day until the first later day with lessons without sickness, whatever the student's
 * timetable. The histories are built from sicknesses and spells back at school on random
 * timetables (from one day a week, as for BBL, to five), so that long and repeated sickness both
 * occur in every run; the test checks that they did.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, defaultCalendar } from '../../shared/calendar';
import {
  type DaySummary,
  evaluateStudent,
  type IsoDate,
  initialSignalState,
  NORM_PROFILES,
  type NormProfile,
  type Signal,
  type StudentSignalState,
} from '../../shared/policy';
import { calendarDays, day, schoolDays, stepDaily, student, timeless } from '../unit/policy/fixtures';

const SCHOOL_DAYS = schoolDays('2025-08-18', '2027-07-16');
const MAX_DAYS = 125;
const profileArb = fc.constantFrom(...(Object.values(NORM_PROFILES) as NormProfile[]));

const weekdayOf = (date: IsoDate) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

/** Weekdays with lessons (0 = Monday): one day a week (BBL) as often as a random larger timetable. */
const timetable = fc.oneof(
  fc.integer({ min: 0, max: 4 }).map((d) => [d]),
  fc.subarray([0, 1, 2, 3, 4], { minLength: 2 }),
);

const sickSpell = fc.record({
  // Mostly short sicknesses (the repeated rule), often long ones (the long rule).
  length: fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 3 },
    { arbitrary: fc.integer({ min: 5, max: 30 }), weight: 1 },
  ),
  // Partly sick: some lessons attended that day, the others registered sick.
  partly: fc.boolean(),
});
const wellSpell = fc.record({
  kind: fc.constantFrom('present', 'present', 'present', 'truant', 'late', 'none'),
  length: fc.integer({ min: 1, max: 10 }),
});

interface History {
  summaries: DaySummary[];
  from: IsoDate;
  to: IsoDate;
}

const history = fc
  .record({
    start: fc.nat({ max: SCHOOL_DAYS.length - MAX_DAYS - 5 }),
    timetable,
    lessons: fc.integer({ min: 1, max: 8 }),
    spells: fc.array(fc.tuple(sickSpell, wellSpell), { minLength: 4, maxLength: 10 }),
    wellFirst: fc.boolean(),
  })
  .map(({ start, timetable, lessons, spells, wellFirst }): History => {
    const summaries: DaySummary[] = [];
    let i = 0;
    const spend = (length: number, make: (date: IsoDate) => DaySummary | null) => {
      for (let k = 0; k < length && i < MAX_DAYS; k++, i++) {
        const date = SCHOOL_DAYS[start + i] as IsoDate;
        if (!timetable.includes(weekdayOf(date))) continue;
        const s = make(date);
        if (s) summaries.push(s);
      }
    };
    const well = (kind: string) => (date: IsoDate) => {
      if (kind === 'none') return null;
      if (kind === 'truant')
        return day(date, { lessons, unauthorizedMinutes: lessons * 60, unauthorizedAbsentLessons: lessons });
      if (kind === 'late') return day(date, { lessons, unauthorizedMinutes: 10, unauthorizedLateOrEarly: 1 });
      return day(date, { lessons });
    };
    if (wellFirst) spend(5, well('present'));
    for (const [sick, back] of spells) {
      spend(sick.length, (date) =>
        day(date, {
          lessons,
          sick: true,
          authorizedMinutes: (sick.partly && lessons > 1 ? lessons - 1 : lessons) * 60,
        }),
      );
      spend(back.length, well(back.kind));
    }
    return { summaries, from: SCHOOL_DAYS[start] as IsoDate, to: SCHOOL_DAYS[start + i - 1] as IsoDate };
  });

function run(
  days: readonly DaySummary[],
  asOf: IsoDate,
  profile: NormProfile,
  state: StudentSignalState = initialSignalState,
  daysFrom?: IsoDate,
) {
  return evaluateStudent({
    student: student(),
    days,
    state,
    asOf,
    calendar: defaultCalendar,
    profile,
    ...(daysFrom ? { daysFrom } : {}),
  });
}

const sickness = (signals: readonly Signal[]) =>
  signals.filter((s) => s.kind === 'sick_long' || s.kind === 'sick_repeated');

const timelessSickness = (signals: readonly Signal[]) => timeless(sickness(signals));

/** The README rule, written plainly on dates: each sickness's first day and the day that ended it. */
function sicknessesOf(summaries: readonly DaySummary[], asOf: IsoDate) {
  const out: { start: IsoDate; endedOn: IsoDate | null }[] = [];
  let current: { start: IsoDate; endedOn: IsoDate | null } | null = null;
  for (const s of [...summaries].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    if (s.date > asOf || s.lessons === 0) continue;
    if (s.sick && current === null) {
      current = { start: s.date, endedOn: null };
      out.push(current);
    } else if (!s.sick && current !== null) {
      current.endedOn = s.date;
      current = null;
    }
  }
  return out;
}

/** The `n`th school day from `date` on, or null beyond the calendar. */
function nthSchoolDay(date: IsoDate, n: number): IsoDate | null {
  return schoolDays(date, addDays(date, 120))[n - 1] ?? null;
}

function expectedLong(summaries: readonly DaySummary[], asOf: IsoDate, profile: NormProfile) {
  const out: { from: IsoDate; to: IsoDate }[] = [];
  for (const { start, endedOn } of sicknessesOf(summaries, asOf)) {
    const reached = nthSchoolDay(start, profile.sickLongDays);
    if (reached !== null && reached <= asOf && (endedOn === null || reached < endedOn))
      out.push({ from: start, to: reached });
  }
  return out;
}

function expectedRepeated(summaries: readonly DaySummary[], asOf: IsoDate, profile: NormProfile) {
  const starts = sicknessesOf(summaries, asOf).map((s) => s.start);
  const out: IsoDate[][] = [];
  let after = '';
  for (const s of starts) {
    const from = defaultCalendar.schoolWeeksEndingOn(s, profile.sickRepeatedWindowWeeks).from;
    const counted = starts.filter((d) => d <= s && d >= from && d > after);
    if (counted.length < profile.sickRepeatedCount) continue;
    out.push(counted);
    after = s;
  }
  return out;
}

describe('Sickness patterns (properties, appendix 4 and README "Sickness")', () => {
  it('one uninterrupted sickness never yields more than one sick_long and never a sick_repeated', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SCHOOL_DAYS.length - 80 }),
        timetable,
        fc.integer({ min: 1, max: 60 }),
        fc.boolean(),
        profileArb,
        (start, weekdays, length, back, profile) => {
          const dates = SCHOOL_DAYS.slice(start, start + length + 1);
          const lessonDays = dates.filter((d) => weekdays.includes(weekdayOf(d)));
          const sick = lessonDays.filter((d) => d < (dates[length] as IsoDate));
          if (sick.length === 0) return;
          const summaries = [
            ...sick.map((d) => day(d, { sick: true, authorizedMinutes: 480 })),
            ...(back ? lessonDays.filter((d) => d > (sick.at(-1) as IsoDate)).map((d) => day(d)) : []),
          ];
          const to = dates.at(-1) as IsoDate;
          let state: StudentSignalState = initialSignalState;
          const stepped: Signal[] = [];
          for (const asOf of calendarDays(sick[0] as IsoDate, addDays(to, 10))) {
            const result = run(summaries, asOf, profile, state);
            stepped.push(...result.signals);
            state = result.state;
          }
          expect(stepped.filter((s) => s.kind === 'sick_repeated')).toEqual([]);
          const long = stepped.filter((s) => s.kind === 'sick_long');
          expect(long.length).toBeLessThanOrEqual(1);
          expect(long.map((s) => s.period)).toEqual(expectedLong(summaries, addDays(to, 10), profile));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('signals exactly the long sicknesses and the repeated sick reports the rule defines', () => {
    let withLong = 0;
    let withRepeated = 0;
    const numRuns = 200;
    fc.assert(
      fc.property(history, profileArb, ({ summaries, to }, profile) => {
        const { signals } = run(summaries, to, profile);
        const long = expectedLong(summaries, to, profile);
        const repeated = expectedRepeated(summaries, to, profile);
        if (long.length > 0) withLong++;
        if (repeated.length > 0) withRepeated++;
        expect(signals.filter((s) => s.kind === 'sick_long').map((s) => s.period)).toEqual(long);
        const sickRepeated = signals.filter((s) => s.kind === 'sick_repeated');
        expect(sickRepeated.map((s) => s.sickReports)).toEqual(repeated);
        for (const s of sickRepeated) {
          expect(s.sickReports).toHaveLength(profile.sickRepeatedCount);
          expect(s.period).toEqual({ from: s.sickReports[0], to: s.sickReports.at(-1) });
        }
      }),
      { numRuns },
    );
    // The generator must exercise both rules, not only the easy cases.
    expect(withLong).toBeGreaterThan(numRuns / 5);
    expect(withRepeated).toBeGreaterThan(numRuns / 5);
  });

  it('day by day equals once, and evaluating again with the returned state signals nothing', () => {
    fc.assert(
      fc.property(history, profileArb, ({ summaries, from, to }, profile) => {
        const { signals: stepped, state } = stepDaily(
          (asOf, before) => run(summaries, asOf, profile, before),
          from,
          to,
          (s, asOf) => expect(s.detectedOn).toBe(asOf),
        );
        const once = run(summaries, to, profile);
        expect(timelessSickness(stepped)).toEqual(timelessSickness(once.signals));
        expect([state.sickLongThrough, state.sickRepeatedThrough]).toEqual([
          once.state.sickLongThrough,
          once.state.sickRepeatedThrough,
        ]);
        const again = run(summaries, to, profile, once.state);
        expect(sickness(again.signals)).toEqual([]);
        expect(again.state).toEqual(once.state);
      }),
      { numRuns: 60 },
    );
  });

  it('names the day a sickness reaches its 7th school day, and signals it then without new data', () => {
    fc.assert(
      fc.property(history, profileArb, fc.nat(), ({ summaries, from, to }, profile, pick) => {
        const days = calendarDays(from, to);
        const asOf = days[pick % days.length] as IsoDate;
        const first = run(summaries, asOf, profile);
        // Without data after asOf, a sickness still going on reaches its 7th school day then.
        const known = summaries.filter((s) => s.date <= asOf);
        const waiting = expectedLong(known, addDays(asOf, 200), profile).find(
          (l) => l.from <= asOf && l.to > asOf,
        );
        if (waiting === undefined) return;
        expect(first.recheckOn !== null && first.recheckOn <= waiting.to).toBe(true);
        if (first.recheckOn !== waiting.to) return; // a 16-hour report waits for an earlier day
        const then = run(known, waiting.to, profile, first.state);
        expect(then.signals.filter((s) => s.kind === 'sick_long').map((s) => s.period)).toEqual([waiting]);
      }),
      { numRuns: 150 },
    );
  });

  it('never counts a sickness that started before a trailing window as a new sick report', () => {
    fc.assert(
      fc.property(history, profileArb, fc.nat(), ({ summaries, from, to }, profile, pick) => {
        const days = calendarDays(from, to);
        const daysFrom = days[pick % days.length] as IsoDate;
        const starts = new Set(sicknessesOf(summaries, to).map((s) => s.start));
        const window = summaries.filter((s) => s.date >= daysFrom);
        const { signals } = run(window, to, profile, initialSignalState, daysFrom);
        for (const s of signals) {
          if (s.kind !== 'sick_repeated') continue;
          for (const d of s.sickReports) expect(starts.has(d), d).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
