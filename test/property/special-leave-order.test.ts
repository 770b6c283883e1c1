import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listDaySummaries } from '../../functions/store/day-summaries';
import { ingestBatch } from '../../functions/usecases/ingest/ingest-batch';
import type { PresenceEvent } from '../../shared/contract/events';
import { MAX_SPECIAL_LEAVE_DAYS } from '../../shared/policy';
import { startTestTable } from '../support/dynalite';
import { startedForFile } from '../support/started';

/**
 * Lpw art. 14: special leave is counted per school year. Whatever order and batches the days
 * arrive in, each granted day ends up classified by its place among the year's granted days:
 * the first 10 authorized, the rest `special_leave.too_long`.
 */

const table = startedForFile(startTestTable);

/** School days of 2026-27, far apart: several stretches in one school year. */
const DATES = [
  '2026-09-07',
  '2026-09-08',
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
  '2026-11-16',
  '2026-12-01',
  '2026-12-02',
  '2027-01-11',
  '2027-02-01',
  '2027-03-08',
  '2027-03-09',
  '2027-04-12',
  '2027-06-07',
];

const scenarioArb = fc
  .uniqueArray(
    fc.record({
      date: fc.integer({ min: 0, max: DATES.length - 1 }),
      // Mostly granted, so that the year's limit is often passed.
      granted: fc.oneof(
        { arbitrary: fc.constant(true), weight: 5 },
        { arbitrary: fc.constant(false), weight: 1 },
      ),
    }),
    {
      minLength: 1,
      maxLength: DATES.length,
      selector: (d) => d.date,
    },
  )
  .chain((days) =>
    fc.record({
      days: fc.constant(days),
      order: fc.shuffledSubarray(
        days.map((_, i) => i),
        { minLength: days.length, maxLength: days.length },
      ),
      cut: fc.integer({ min: 1, max: 5 }),
    }),
  );

let run = 0;

describe('Lpw art. 14 – special leave under any arrival order', () => {
  it('classifies each granted day by its place in the school year, whatever order the days arrive in', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ days, order, cut }) => {
        const studentId = `sl${run++}`;
        const deps = { store: table, retentionYears: 5, now: () => new Date('2027-06-30T12:00:00Z') };
        const student: PresenceEvent = {
          id: `${studentId}-stu`,
          type: 'student.upserted',
          occurredAt: '2026-09-01T07:00:00+02:00',
          data: {
            studentId,
            displayName: studentId,
            email: `${studentId}@example.org`,
            birthDate: '2010-03-14',
            teamId: 't',
            coachId: 'c',
            level: '2',
            pathway: 'BOL',
            routeX: false,
            startQualification: false,
            enrolledFrom: '2025-08-25',
          },
        };
        await ingestBatch(deps, { deliveryId: `${studentId}-s`, events: [student] });
        const events: PresenceEvent[] = order.map((i) => {
          const { date, granted } = days[i] as { date: number; granted: boolean };
          return {
            id: `${studentId}-e${i}`,
            type: 'registration.upserted',
            occurredAt: '2026-09-01T12:00:00+02:00',
            data: {
              registrationId: `${studentId}-r${date}`,
              revision: 0,
              studentId,
              date: DATES[date] as string,
              start: '08:30',
              end: '10:00',
              status: 'absent',
              reason: 'special_leave',
              notice: {
                channel: 'email',
                reportedBy: 'parent',
                proof: true,
                approvedBy: granted ? 'manager' : 'coach',
              },
            },
          };
        });
        for (let b = 0; b * cut < events.length; b++) {
          await ingestBatch(deps, {
            deliveryId: `${studentId}-d${b}`,
            events: events.slice(b * cut, b * cut + cut),
          });
        }
        const stored = await listDaySummaries(table, studentId, '2026-08-01', '2027-07-31');
        const actual = Object.fromEntries(
          stored.map((d) => [d.date, d.registrations[0]?.classification.ruleId]),
        );
        const granted = days.filter((d) => d.granted).map((d) => DATES[d.date] as string);
        granted.sort();
        const expected = Object.fromEntries(
          days.map(({ date, granted: ok }) => {
            const iso = DATES[date] as string;
            const place = granted.indexOf(iso) + 1;
            const rule = !ok
              ? 'special_leave.not_approved'
              : place > MAX_SPECIAL_LEAVE_DAYS
                ? 'special_leave.too_long'
                : 'special_leave.manager';
            return [iso, rule];
          }),
        );
        expect(actual).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  }, 300_000);
});
