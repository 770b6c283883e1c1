import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initialSignalState,
  NORM_PROFILES,
  type NormProfile,
  type StudentSignalState,
} from '../../../shared/policy';
import { day, evaluate, ofKind, schoolDays, student, truant } from './fixtures';

/** A suspension as the ingestion summarizes it: authorized, and flagged from its 6th school day. */
const suspended = (dates: string[]) =>
  dates.map((date, i) =>
    day(date, { authorizedMinutes: 480, ...(i >= 5 ? { suspensionOverLimit: true } : {}) }),
  );

/** Wednesday 7 to Thursday 15 October 2026: seven school days. */
const SEVEN = schoolDays('2026-10-07', '2026-10-15');

describe('ch. 3 – Schorsing (maximaal 5 schooldagen): a task to check the data, never a report', () => {
  it('ch. 3: a 7-school-day suspension gives one suspension_check from its 6th day and no hour signal', () => {
    expect(SEVEN).toHaveLength(7);
    const { signals, state } = evaluate(suspended(SEVEN), '2026-10-15');
    expect(signals).toEqual([
      {
        kind: 'suspension_check',
        id: 'stu-1:suspension_check:2026-10-14',
        studentId: 'stu-1',
        period: { from: '2026-10-14', to: '2026-10-15' },
        detectedOn: '2026-10-15',
      },
    ]);
    expect(state.suspensionCheckThrough).toBe('2026-10-15');
  });

  it('ch. 3: a 5-school-day suspension gives nothing at all', () => {
    expect(evaluate(suspended(SEVEN.slice(0, 5)), '2026-10-15').signals).toEqual([]);
  });

  it('ch. 3: evaluated night by night, the stretch still gives one task', () => {
    const days = suspended(SEVEN);
    let state: StudentSignalState = initialSignalState;
    const found: string[] = [];
    for (const asOf of SEVEN) {
      const r = evaluate(days, asOf, { state });
      found.push(...r.signals.map((s) => s.id));
      state = r.state;
    }
    expect(found).toEqual(['stu-1:suspension_check:2026-10-14']);
  });

  it('ch. 3: an earlier day arriving late (the limit moves a day back) gives no second task', () => {
    // Days 2-7 arrived first: only the last was over the limit, and was checked.
    const first = evaluate(suspended(SEVEN.slice(1)), '2026-10-15');
    expect(ofKind(first.signals, 'suspension_check')).toHaveLength(1);
    const again = evaluate(suspended(SEVEN), '2026-10-16', { state: first.state });
    expect(again.signals).toEqual([]);
  });

  it('ch. 3: a second suspension after school days without one is a second task', () => {
    const later = schoolDays('2026-11-02', '2026-11-09');
    const { signals } = evaluate([...suspended(SEVEN), ...suspended(later)], '2026-11-09');
    expect(ofKind(signals, 'suspension_check').map((s) => s.period.from)).toEqual([
      '2026-10-14',
      '2026-11-09',
    ]);
  });
});

describe('ch. 3 – Schorsing: the check is idempotent', () => {
  const DAYS = schoolDays('2026-10-05', '2026-11-27');

  it('gives the same tasks night by night as at once, and nothing when evaluated again', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: DAYS.length, maxLength: DAYS.length }), (flags) => {
        const days = DAYS.map((date, i) =>
          day(date, { authorizedMinutes: 480, ...(flags[i] ? { suspensionOverLimit: true } : {}) }),
        );
        const last = DAYS[DAYS.length - 1] as string;
        const once = evaluate(days, last);
        let state: StudentSignalState = initialSignalState;
        const nightly: string[] = [];
        for (const asOf of DAYS) {
          const r = evaluate(days, asOf, { state });
          nightly.push(...r.signals.map((s) => s.id));
          state = r.state;
        }
        expect(nightly).toEqual(once.signals.map((s) => s.id));
        expect(state).toEqual(once.state);
        expect(evaluate(days, last, { state: once.state }).signals).toEqual([]);
        // One task per run of consecutive flagged school days.
        const runs = flags.filter((f, i) => f && !flags[i - 1]).length;
        expect(once.signals).toHaveLength(runs);
      }),
      { numRuns: 100 },
    );
  });
});

describe('H4 footnote – Route-X: the legal 16-hour and 4-week rules do not apply', () => {
  const standard = NORM_PROFILES.standard as NormProfile;
  const routeX = NORM_PROFILES['route-x'] as NormProfile;

  it('says so in the profile data: internal thresholds, never to DUO', () => {
    expect(standard).toMatchObject({ legalRules: true, reportToDuo: true, reportMinutes: 960 });
    expect(routeX).toMatchObject({ legalRules: false, reportToDuo: false });
    expect(routeX.name.nl).toMatch(/interne urennorm/);
  });

  it('footnote to 4.2: a Route-X student absent 4 school weeks gets no 4-week signal, only the internal report', () => {
    const days = schoolDays('2026-10-05', '2026-11-06').map((d) => truant(d, 480));
    const regular = evaluate(days, '2026-11-06');
    expect(ofKind(regular.signals, 'signal4w')).toHaveLength(1);
    const r = evaluate(days, '2026-11-06', { student: student({ routeX: true }) });
    expect(ofKind(r.signals, 'signal4w')).toEqual([]);
    expect(r.state.fourWeekThrough).toBeNull();
    const reports = ofKind(r.signals, 'report16');
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((s) => !s.reportToDuo && s.duoRecipient === null && s.profileId === 'route-x')).toBe(
      true,
    );
  });
});
