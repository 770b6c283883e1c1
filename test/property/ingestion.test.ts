import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listDaySummaries } from '../../functions/store/day-summaries';
import { ingestBatch } from '../../functions/usecases/ingest/ingest-batch';
import type { PresenceEvent } from '../../shared/contract/events';
import { classify, summarizeDay } from '../../shared/policy';
import type { DaySummary } from '../../shared/policy/types';
import { startTestTable } from '../support/dynalite';
import { startedForFile } from '../support/started';

/**
 * Whatever the order, batching and duplication of deliveries, the stored day summaries
 * equal those of applying the highest version of each registration once; and deliveries
 * that run at the same time leave what they leave one by one.
 */

const table = startedForFile(startTestTable);

const DATES = ['2026-10-05', '2026-10-06'];
const BIRTH = { s0: '2009-03-14', s1: '2003-01-01' } as const;
type StudentKey = keyof typeof BIRTH;

interface Version {
  student: StudentKey;
  date: number;
  revision: number;
  deleted: boolean;
  status: 'present' | 'absent' | 'late' | 'left_early';
  reason: 'unknown' | 'sick' | 'late_transport' | 'medical_appointment';
  proof: boolean;
}

const versionArb = fc.record({
  student: fc.constantFrom<StudentKey>('s0', 's1'),
  date: fc.integer({ min: 0, max: 1 }),
  revision: fc.integer({ min: 0, max: 6 }),
  deleted: fc.boolean(),
  status: fc.constantFrom('present', 'absent', 'late', 'left_early'),
  reason: fc.constantFrom('unknown', 'sick', 'late_transport', 'medical_appointment'),
  proof: fc.boolean(),
});

// Per registration: versions with distinct (revision, deleted) ranks, as the sender promises.
const registrationArb = fc.uniqueArray(versionArb, {
  minLength: 1,
  maxLength: 4,
  selector: (v) => v.revision * 2 + (v.deleted ? 1 : 0),
});

const scenarioArb = fc.array(registrationArb, { minLength: 1, maxLength: 5 }).chain((registrations) => {
  const count = registrations.flat().length + 2;
  return fc.record({
    registrations: fc.constant(registrations),
    // A delivery plan: a permutation of all events plus repeats, cut into batches.
    order: fc.shuffledSubarray(
      Array.from({ length: count }, (_, i) => i),
      { minLength: count, maxLength: count },
    ),
    repeats: fc.array(fc.integer({ min: 0, max: count - 1 }), { maxLength: 4 }),
    cuts: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: count + 4, maxLength: count + 4 }),
    resend: fc.array(fc.boolean(), { minLength: count + 4, maxLength: count + 4 }),
  });
});

let run = 0;

function eventsOf(prefix: string, registrations: Version[][]): PresenceEvent[] {
  const events: PresenceEvent[] = (['s0', 's1'] as const).map((s) => ({
    id: `${prefix}-stu-${s}`,
    type: 'student.upserted',
    occurredAt: '2026-09-01T07:00:00+02:00',
    data: {
      studentId: `${prefix}-${s}`,
      displayName: s,
      email: `${s}@example.org`,
      birthDate: BIRTH[s],
      teamId: 't',
      coachId: 'c',
      level: '4',
      pathway: 'BOL',
      routeX: false,
      startQualification: false,
      enrolledFrom: '2025-08-25',
    },
  }));
  registrations.forEach((versions, r) => {
    versions.forEach((v, i) => {
      const id = `${prefix}-e-${r}-${i}`;
      const registrationId = `${prefix}-r${r}`;
      if (v.deleted) {
        events.push({
          id,
          type: 'registration.deleted',
          occurredAt: '2026-10-05T12:00:00+02:00',
          data: { registrationId, revision: v.revision },
        });
        return;
      }
      events.push({
        id,
        type: 'registration.upserted',
        occurredAt: '2026-10-05T12:00:00+02:00',
        data: {
          registrationId,
          revision: v.revision,
          studentId: `${prefix}-${v.student}`,
          date: DATES[v.date] as string,
          start: '08:30',
          end: '10:00',
          status: v.status,
          ...(v.status === 'late' || v.status === 'left_early' ? { minutesMissed: 15 } : {}),
          reason: v.reason,
          notice: { channel: 'phone', reportedBy: 'parent', proof: v.proof },
        },
      });
    });
  });
  return events;
}

/** The model: the highest version of each registration, applied once. */
function expectedDays(prefix: string, registrations: Version[][]): Map<string, DaySummary> {
  const items = new Map<string, Parameters<typeof summarizeDay>[1][number][]>();
  const events = eventsOf(prefix, registrations);
  registrations.forEach((versions, r) => {
    let best = 0;
    versions.forEach((v, i) => {
      const b = versions[best] as Version;
      if (v.revision * 2 + (v.deleted ? 1 : 0) > b.revision * 2 + (b.deleted ? 1 : 0)) best = i;
    });
    const winner = events.find((e) => e.id === `${prefix}-e-${r}-${best}`);
    if (winner?.type !== 'registration.upserted') return;
    const student = winner.data.studentId.slice(prefix.length + 1) as StudentKey;
    const key = `${winner.data.studentId}|${winner.data.date}`;
    const list = items.get(key) ?? [];
    list.push({
      status: winner.data.status,
      classification: classify(winner.data, { birthDate: BIRTH[student], severeWeatherDates: new Set() }),
    });
    items.set(key, list);
  });
  const days = new Map<string, DaySummary>();
  for (const s of ['s0', 's1']) {
    for (const date of DATES) {
      const key = `${prefix}-${s}|${date}`;
      days.set(key, summarizeDay(date, items.get(key) ?? []));
    }
  }
  return days;
}

describe('ingestion', () => {
  it('converges to the highest revision of each registration under any interleaving and duplication', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ registrations, order, repeats, cuts, resend }) => {
        const prefix = `p${run++}`;
        const events = eventsOf(prefix, registrations);
        const plan = [...order, ...repeats].map((i) => events[i] as PresenceEvent);
        const deps = { store: table, retentionYears: 5, now: () => new Date('2026-10-05T12:00:00Z') };
        let at = 0;
        for (let b = 0; at < plan.length; b++) {
          const size = cuts[b % cuts.length] ?? 1;
          const slice = plan.slice(at, at + size);
          at += size;
          await ingestBatch(deps, { deliveryId: `${prefix}-d${b}`, events: slice });
          if (resend[b]) await ingestBatch(deps, { deliveryId: `${prefix}-d${b}`, events: slice });
        }
        for (const [key, expected] of expectedDays(prefix, registrations)) {
          const [studentId, date] = key.split('|') as [string, string];
          const [stored] = await listDaySummaries(table, studentId, date, date);
          expect(stored?.summary ?? summarizeDay(date, [])).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('leaves the same registrations whether the deliveries come one by one or all at once, in any order', async () => {
    const plans = fc.record({
      registrations: fc.array(registrationArb, { minLength: 1, maxLength: 5 }),
      seed: fc.integer(),
      cut: fc.integer({ min: 1, max: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(plans, async ({ registrations, seed, cut }) => {
        const states: string[][] = [];
        for (const concurrent of [false, true]) {
          const prefix = `q${run++}`;
          const events = eventsOf(prefix, registrations);
          const students = events.slice(0, 2);
          // The same registration events, in another order when delivered together.
          const lessons = events
            .slice(2)
            .sort((a, b) => (concurrent ? hash(a.id, seed) - hash(b.id, seed) : 0));
          const deps = { store: table, retentionYears: 5, now: () => new Date('2026-10-05T12:00:00Z') };
          await ingestBatch(deps, { deliveryId: `${prefix}-students`, events: students });
          const batches = Array.from({ length: Math.ceil(lessons.length / cut) }, (_, b) =>
            lessons.slice(b * cut, b * cut + cut),
          );
          const deliver = (batch: PresenceEvent[], b: number) =>
            ingestBatch(deps, { deliveryId: `${prefix}-d${b}`, events: batch });
          if (concurrent) await Promise.all(batches.map(deliver));
          else for (const [b, batch] of batches.entries()) await deliver(batch, b);
          states.push(await registrationItems(prefix));
        }
        expect(states[1]).toEqual(states[0]);
      }),
      { numRuns: 20 },
    );
    // Each run stores a few deliveries twice over: a few seconds on a loaded machine.
  }, 300_000);
});

/** A stable pseudo-random order of event ids for a seed. */
function hash(id: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x9e3779b1) >>> 0;
  return h;
}

/** The stored registrations of a run, with the run's prefix taken out so runs compare. */
async function registrationItems(prefix: string): Promise<string[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new ScanCommand({
        TableName: table.tableName,
        FilterExpression: 'begins_with(pk, :run)',
        ExpressionAttributeValues: { ':run': `REG#${prefix}-` },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items
    .map((item) => {
      // `writes` counts the item's writes (the condition of the next): concurrency adds some.
      const { eventIds, writes: _writes, ...rest } = item;
      const ids = (JSON.parse((eventIds as string | undefined) ?? '[]') as string[]).sort();
      return JSON.stringify({ ...rest, eventIds: ids }).replaceAll(prefix, 'P');
    })
    .sort();
}
