import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listDaySummaries } from '../../../functions/store/day-summaries';
import { listAllPendingEvents } from '../../../functions/store/pending-events';
import { type IngestOutput, ingestBatch } from '../../../functions/usecases/ingest/ingest-batch';
import type { PresenceEvent } from '../../../shared/contract/events';
import { startTestTable } from '../../support/dynalite';
import { startedForFile } from '../../support/started';
import { deletionEvent, registrationEvent, studentEvent } from '../../support/webhook';

/**
 * No lock is shared by deliveries: each writes its registrations with conditional writes on
 * what it read, and reads again where it lost. Whatever runs at the same moment, the table
 * ends as if the deliveries had come one by one.
 */

const table = startedForFile(startTestTable);
const deps = { store: table, retentionYears: 5, now: () => new Date('2026-10-05T12:00:00Z') };
const deliver = (id: string, events: unknown[]) =>
  ingestBatch(deps, { deliveryId: id, events: events as PresenceEvent[] });
const SENDERS = 8;
let run = 0;

/** One version of a registration: an upsert somewhere, or a tombstone. */
const versionArb = fc.record({
  deleted: fc.boolean(),
  student: fc.integer({ min: 0, max: 1 }),
  day: fc.integer({ min: 5, max: 7 }),
  status: fc.constantFrom('absent', 'present', 'late'),
});
type Version = { deleted: boolean; student: number; day: number; status: string };
const scheduleArb = fc.record({
  // Per registration, revisions 0..n-1; a version may come twice (the sender's retries).
  registrations: fc.array(fc.array(versionArb, { minLength: 1, maxLength: 4 }), {
    minLength: 2,
    maxLength: 4,
  }),
  seed: fc.integer(),
});

function eventsOf(prefix: string, registrations: Array<Array<Version>>) {
  return registrations.flatMap((versions, r) =>
    versions.map((v, revision) => {
      const registrationId = `${prefix}-r${r}`;
      const id = `${prefix}-e${r}-${revision}`;
      if (v.deleted) return deletionEvent(registrationId, revision, { id });
      const late = v.status === 'late' ? { minutesMissed: 10 } : {};
      return registrationEvent(
        {
          registrationId,
          studentId: `${prefix}-s${v.student}`,
          date: `2026-10-0${v.day}`,
          status: v.status,
          revision,
          ...late,
        },
        { id },
      );
    }),
  );
}

/** Highest revision first: the worst order for the lower ones, which must all end stale. */
const byRevisionDescending = (events: Array<Record<string, unknown>>) =>
  [...events].sort(
    (a, b) => (b.data as { revision: number }).revision - (a.data as { revision: number }).revision,
  );

function shuffled<T>(items: readonly T[], seed: number): T[] {
  let h = seed | 0;
  const next = () => {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + 0x6d2b79f5;
    return (h >>> 0) / 2 ** 32;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The run's registration items, its prefix taken out, with what differs by design (the write count) left out. */
async function registrationItems(prefix: string): Promise<string[]> {
  const out = await table.doc.send(
    new ScanCommand({
      TableName: table.tableName,
      FilterExpression: 'begins_with(pk, :run)',
      ExpressionAttributeValues: { ':run': `REG#${prefix}-` },
    }),
  );
  return (out.Items ?? [])
    .map((item) => {
      const { eventIds, writes: _writes, ...rest } = item;
      const ids = (JSON.parse((eventIds as string | undefined) ?? '[]') as string[]).sort();
      return JSON.stringify({ ...rest, eventIds: ids }).replaceAll(prefix, 'P');
    })
    .sort();
}

const outcomesOf = (outputs: IngestOutput[]) => {
  const byEvent = new Map<string, string[]>();
  for (const output of outputs)
    for (const r of output.results) byEvent.set(r.id, [...(byEvent.get(r.id) ?? []), r.outcome]);
  return byEvent;
};

describe('deliveries without a shared lock', () => {
  it(`end as the order by revision does when ${SENDERS} senders deliver revisions and tombstones of the same registrations at once`, async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArb, async ({ registrations, seed }) => {
        const states: string[][] = [];
        for (const concurrent of [false, true]) {
          const prefix = `lf${run++}`;
          await deliver(`${prefix}-students`, [studentEvent(`${prefix}-s0`), studentEvent(`${prefix}-s1`)]);
          const events = eventsOf(prefix, registrations);
          if (!concurrent) {
            const ascending = byRevisionDescending(events).reverse();
            for (const [i, event] of ascending.entries()) await deliver(`${prefix}-d${i}`, [event]);
          } else {
            // Every event twice, spread over the senders so that each registration's revisions
            // race each other, the highest often first.
            const sent = shuffled([...byRevisionDescending(events), ...events], seed);
            const deliveries = Array.from({ length: SENDERS }, (_, d) =>
              sent.filter((_, i) => i % SENDERS === d),
            );
            const outputs = await Promise.all(
              deliveries.map((batch, d) => deliver(`${prefix}-d${d}`, batch)),
            );
            // Each event counted once: applied or stale on its first settling, duplicate after.
            for (const [id, outcomes] of outcomesOf(outputs)) {
              const settled = outcomes.filter((o) => o !== 'duplicate');
              expect(settled.length, id).toBe(1);
            }
          }
          states.push(await registrationItems(prefix));
        }
        expect(states[1]).toEqual(states[0]);
      }),
      { numRuns: 6 },
    );
  }, 300_000);

  it('never leave an event stuck pending when its student arrives in another delivery at the same moment', async () => {
    for (let i = 0; i < 24; i++) {
      const studentId = `pend-s${i}`;
      const lesson = registrationEvent({ registrationId: `pend-r${i}`, studentId }, { id: `pend-e${i}` });
      const student = studentEvent(studentId);
      const pair = [deliver(`pend-lesson-${i}`, [lesson]), deliver(`pend-student-${i}`, [student])];
      const [lessonAnswer] = await Promise.all(i % 2 === 0 ? pair : [...pair].reverse());
      expect(['applied', 'pending']).toContain(lessonAnswer?.results[0]?.outcome);
      const [day] = await listDaySummaries(table, studentId, '2026-10-05', '2026-10-05');
      expect(day?.summary.lessons, studentId).toBe(1);
    }
    expect((await listAllPendingEvents(table)).filter((p) => p.studentId.startsWith('pend-'))).toEqual([]);
  }, 120_000);

  it('store the same delivery sent several times at once once, and answer the others duplicate', async () => {
    await deliver('dup-students', [studentEvent('dup-s')]);
    const events = [
      ...Array.from({ length: 5 }, (_, i) =>
        registrationEvent(
          { registrationId: `dup-r${i}`, studentId: 'dup-s', start: `0${i + 1}:00`, end: `0${i + 1}:45` },
          { id: `dup-e${i}` },
        ),
      ),
      // A student not known yet: kept pending once.
      registrationEvent({ registrationId: 'dup-later', studentId: 'dup-unknown' }, { id: 'dup-pending' }),
    ];
    const outputs = await Promise.all(Array.from({ length: 4 }, () => deliver('dup-delivery', events)));
    for (const [id, outcomes] of outcomesOf(outputs)) {
      expect(
        outcomes.filter((o) => o !== 'duplicate'),
        id,
      ).toHaveLength(1);
    }
    const [day] = await listDaySummaries(table, 'dup-s', '2026-10-05', '2026-10-05');
    expect(day?.summary.lessons).toBe(5);
    expect((await listAllPendingEvents(table)).filter((p) => p.studentId === 'dup-unknown')).toHaveLength(1);
    // A later repeat finds the delivery record.
    const again = await deliver('dup-delivery', events);
    expect(again.results.every((r) => r.outcome === 'duplicate')).toBe(true);
  });
});
