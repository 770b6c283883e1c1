/**
 * The days kept on a student's signal state (functions/domain/kept-days.ts): for any sequence of
 * registration changes (new lessons, corrections, deletions, moves to another day, of any date,
 * in any order) interleaved with nights, a night that reads only the changed days and merges them
 * into the kept days evaluates exactly what a night reading every day of the lookback evaluates:
 * the same days, signals and state, and it keeps exactly the days the registrations say. Also
 * when a norm profile's window is lengthened between nights, and through the stored encoding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DateRange, type KeptDays, lookbackStart, nightDays } from '../../functions/domain/kept-days';
import { decodeKeptDays, encodeKeptDays } from '../../functions/store/kept-days-encoding';
import { defaultCalendar } from '../../shared/calendar';
import {
  type Classification,
  type DaySummary,
  evaluateStudent,
  initialSignalState,
  NORM_PROFILES,
  type NormProfiles,
  profileFor,
  type RegistrationStatus,
  type StudentSignalState,
  summarizeDay,
} from '../../shared/policy';
import { schoolDays, student } from '../unit/policy/fixtures';

/** 30 school weeks of dates for lessons; the nights begin 16 weeks in, so old corrections fall before the kept days. */
const DATES = schoolDays('2026-08-31', '2027-04-30');
const FIRST_NIGHT = 80;
const REGISTRATIONS = 14;

const LONGER: NormProfiles = Object.fromEntries(
  Object.entries(NORM_PROFILES).map(([id, p]) => [
    id,
    { ...p, windowWeeks: p.windowWeeks + 2, sickRepeatedWindowWeeks: p.sickRepeatedWindowWeeks + 4 },
  ]),
);

type Lesson = { status: RegistrationStatus; classification: Classification };

const lessonArb: fc.Arbitrary<Lesson> = fc
  .record({
    kind: fc.constantFrom('present', 'truant', 'late', 'sick', 'authorized', 'suspension'),
    minutes: fc.integer({ min: 5, max: 120 }),
  })
  .map(({ kind, minutes }) => {
    const c = (k: Classification['kind'], missed: number, ruleId: string, sick = false): Classification => ({
      kind: k,
      minutesMissed: missed,
      lessonMinutes: 120,
      ruleId,
      sick,
    });
    switch (kind) {
      case 'present':
        return { status: 'present', classification: c('present', 0, 'present') };
      case 'truant':
        return { status: 'absent', classification: c('unauthorized', 120, 'unknown') };
      case 'late':
        return { status: 'late', classification: c('unauthorized', minutes, 'late') };
      case 'sick':
        return { status: 'absent', classification: c('authorized', 120, 'sick.phone', true) };
      case 'suspension':
        return { status: 'absent', classification: c('authorized', 120, 'suspension.beyond_5_days') };
      default:
        return { status: 'absent', classification: c('authorized', 120, 'special_leave') };
    }
  });

type Step =
  | { op: 'upsert'; reg: number; date: number; lesson: Lesson }
  | { op: 'delete'; reg: number }
  | { op: 'night'; advance: number }
  | { op: 'lengthen' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('upsert' as const),
      reg: fc.nat({ max: REGISTRATIONS - 1 }),
      date: fc.nat({ max: DATES.length - 1 }),
      lesson: lessonArb,
    }),
  },
  // Most changes land in the days around the nights, like a school's deliveries.
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('upsert' as const),
      reg: fc.nat({ max: REGISTRATIONS - 1 }),
      date: fc.integer({ min: FIRST_NIGHT - 10, max: FIRST_NIGHT + 40 }),
      lesson: lessonArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('delete' as const), reg: fc.nat({ max: REGISTRATIONS - 1 }) }),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('night' as const), advance: fc.nat({ max: 6 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'lengthen' as const }) },
);

/** The registrations of one student, and the change log naming the days each write touched. */
class World {
  registrations = new Map<number, { date: string; lesson: Lesson }>();
  changes: string[][] = [];

  apply(step: Step): void {
    const before = this.registrations.get((step as { reg: number }).reg);
    if (step.op === 'upsert') {
      const date = DATES[step.date] as string;
      this.registrations.set(step.reg, { date, lesson: step.lesson });
      this.changes.push([date, ...(before ? [before.date] : [])]);
    } else if (step.op === 'delete' && before) {
      this.registrations.delete(step.reg);
      this.changes.push([before.date]);
    }
  }

  /** Every day with lessons, as the registrations say now. */
  days(): DaySummary[] {
    const byDate = new Map<string, Lesson[]>();
    for (const { date, lesson } of this.registrations.values())
      byDate.set(date, [...(byDate.get(date) ?? []), lesson]);
    return [...byDate.keys()].sort().map((date) => summarizeDay(date, byDate.get(date) ?? []));
  }

  /** The changed dates up to `asOf`; change-log items naming only such dates are settled. */
  dirty(asOf: string): string[] {
    return [...new Set(this.changes.flat().filter((d) => d <= asOf))];
  }

  settle(asOf: string): void {
    this.changes = this.changes.filter((dates) => dates.some((d) => d > asOf));
  }
}

const inRanges = (ranges: readonly DateRange[]) => (d: DaySummary) =>
  ranges.some((r) => d.date >= r.from && d.date <= r.to);

describe('kept days on the signal state', () => {
  it('evaluate and keep exactly what a full read of every day would, whatever changed in between', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 5, maxLength: 60 }), async (steps) => {
        const world = new World();
        let asOfIndex = FIRST_NIGHT;
        let profiles: NormProfiles = NORM_PROFILES;
        const facts = student({ enrolledFrom: '2026-08-01' });
        let incremental: { state: StudentSignalState; kept: KeptDays | undefined } = {
          state: initialSignalState,
          kept: undefined,
        };
        let full: StudentSignalState = initialSignalState;
        const fullReads: string[] = [];

        for (const step of [...steps, { op: 'night', advance: 1 } as const]) {
          if (step.op === 'lengthen') profiles = LONGER;
          if (step.op !== 'night') {
            world.apply(step);
            continue;
          }
          asOfIndex = Math.min(asOfIndex + step.advance, DATES.length - 1);
          const asOf = DATES[asOfIndex] as string;
          const changed = world.dirty(asOf);
          const start = lookbackStart(defaultCalendar, profiles, asOf);
          const truth = world.days();
          const read = await nightDays(
            incremental.kept,
            { asOf, start, changed },
            {
              from: async (date) => truth.filter((d) => d.date >= date),
              within: async (ranges) => truth.filter(inRanges(ranges)),
            },
          );
          if (read.fullRead) fullReads.push(read.fullRead);

          // The night before this change: every day from the lookback or an older changed day.
          const from = [start, ...changed].sort()[0] as string;
          const everyDay = truth.filter((d) => d.date >= from);
          const upToAsOf = (days: readonly DaySummary[]) => days.filter((d) => d.date <= asOf);
          expect(upToAsOf(read.days)).toEqual(upToAsOf(everyDay));

          const profile = profileFor(facts, profiles);
          const evaluate = (days: readonly DaySummary[], state: StudentSignalState) =>
            evaluateStudent({
              student: facts,
              days,
              state,
              asOf,
              calendar: defaultCalendar,
              profile,
              daysFrom: from,
            });
          const a = evaluate(read.days, incremental.state);
          const b = evaluate(everyDay, full);
          expect(a).toEqual(b);

          // Kept: exactly the registrations' days of the lookback, and unchanged through the stored form.
          const { recent, ...keptDays } = read.kept;
          expect(keptDays).toEqual({
            from: start,
            to: asOf,
            days: truth.filter((d) => d.date >= start && d.date <= asOf),
          });
          // The changed days read are read once more next time (the index may have lagged).
          expect(recent ?? []).toEqual(expect.arrayContaining(changed.filter((d) => d >= start)));
          const stored = decodeKeptDays(encodeKeptDays(read.kept) as unknown as Record<string, unknown>);
          expect(stored).toEqual(read.kept);

          incremental = { state: a.state, kept: stored };
          full = b.state;
          world.settle(asOf);
        }
        // The first night always reads in full; later ones only for a reason.
        expect(fullReads[0]).toBe('no-kept-days');
      }),
      { numRuns: 200 },
    );
  });

  it('reads in full only when the kept days do not cover the night', async () => {
    const kept: KeptDays = { from: '2026-09-07', to: '2026-12-04', days: [] };
    const reads: string[] = [];
    const reader = {
      from: (date: string): Promise<DaySummary[]> => {
        reads.push(`from ${date}`);
        return Promise.resolve([]);
      },
      within: (ranges: readonly DateRange[]): Promise<DaySummary[]> => {
        reads.push(ranges.map((r) => `${r.from}..${r.to}`).join(' '));
        return Promise.resolve([]);
      },
    };
    const night = (k: KeptDays | undefined, start: string, changed: string[]) =>
      nightDays(k, { asOf: '2026-12-07', start, changed }, reader).then((r) => r.fullRead);

    expect(await night(kept, '2026-09-14', ['2026-12-04', '2026-12-07', '2026-11-02'])).toBeUndefined();
    expect(reads.pop()).toBe('2026-11-02..2026-11-02 2026-12-04..2026-12-07');
    expect(await night(kept, '2026-09-14', [])).toBeUndefined();
    expect(reads).toEqual([]); // nothing changed: nothing read
    expect(await night(undefined, '2026-09-14', [])).toBe('no-kept-days');
    expect(await night(kept, '2026-09-14', ['2026-09-04'])).toBe('changed-before-kept');
    expect(await night(kept, '2026-08-31', [])).toBe('lookback-before-kept');
    expect(reads).toEqual(['from 2026-09-14', 'from 2026-09-04', 'from 2026-08-31']);
  });
});
