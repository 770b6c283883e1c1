import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as keys from '../../../functions/store/keys';
import { listRegistrations } from '../../../functions/store/registrations';
import { getStudent } from '../../../functions/store/students';
import { batch, leftEvent, registrationEvent, studentEvent } from '../../support/webhook';
import { type Harness, startHarness } from './harness';

/**
 * Issue 11: no item grows without bound. Every item the webhook keeps versions of remembers the
 * event ids it settled (so that a repetition answers `duplicate`); after thousands of events for
 * one item it keeps only the newest 50, far below DynamoDB's 400 KB item limit, and an old event
 * beyond those is still refused by its revision or `occurredAt`.
 */

const KEPT = 50;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

type Json = Record<string, unknown>;
const item = async (key: keys.PrimaryKey) =>
  (await h.table.doc.send(new GetCommand({ TableName: h.table.tableName, Key: key }))).Item as Json;
const idsOn = (stored: Json): string[] =>
  typeof stored.eventIds === 'string'
    ? (JSON.parse(stored.eventIds) as string[])
    : [...(stored.eventIds as Iterable<string>)];
const at = (i: number) => new Date(Date.UTC(2026, 8, 1) + i * 1000).toISOString();
const outcomes = async (...events: Json[]) => {
  const r = await h.send(batch(...events));
  expect(r.status).toBe(200);
  return r.body.results?.map((x) => x.outcome);
};
/** Sends events in deliveries of `size`. */
async function deliverAll(events: Json[], size: number): Promise<void> {
  for (let i = 0; i < events.length; i += size) await outcomes(...events.slice(i, i + size));
}

describe('the event ids an item keeps', () => {
  it('a registration: 2,000 corrections keep 50 ids; a recent one repeated is a duplicate, an old one stale', async () => {
    await outcomes(studentEvent('s-cap'));
    const events = Array.from({ length: 2000 }, (_, revision) =>
      registrationEvent(
        {
          registrationId: 'r-cap',
          studentId: 's-cap',
          revision,
          minutesMissed: revision % 90,
          status: 'late',
        },
        { id: `evt-r-cap-${revision}`, occurredAt: at(revision) },
      ),
    );
    await deliverAll(events, 400);
    const stored = await item(keys.registrationKey('r-cap'));
    expect(idsOn(stored)).toEqual(events.slice(-KEPT).map((e) => e.id));
    expect(JSON.stringify(stored).length).toBeLessThan(8 * 1024);

    expect(await outcomes(events[1999] as Json, events[1960] as Json)).toEqual(['duplicate', 'duplicate']);
    expect(await outcomes(events[0] as Json, events[1900] as Json)).toEqual(['stale', 'stale']);
    const [reg] = await listRegistrations(h.table, 's-cap', '2026-10-05', '2026-10-05');
    expect([reg?.revision, reg?.minutesMissed]).toEqual([1999, 1999 % 90]);
  });

  it('a student: hundreds of upserts keep 50 ids; an old upsert or an old leave repeated changes nothing', async () => {
    const upsert = (i: number) =>
      studentEvent('s-many', { displayName: `Student ${i}` }, { id: `evt-s-many-${i}`, occurredAt: at(i) });
    await deliverAll(
      Array.from({ length: 300 }, (_, i) => upsert(i)),
      100,
    );
    const left = leftEvent('s-many', '2027-03-01', { id: 'evt-s-many-left', occurredAt: at(300) });
    expect(await outcomes(left)).toEqual(['applied']);
    await deliverAll(
      Array.from({ length: 60 }, (_, i) => upsert(301 + i)),
      60,
    );
    const stored = await item(keys.studentKey('s-many'));
    expect(idsOn(stored)).toHaveLength(KEPT);
    expect(idsOn(stored).at(-1)).toBe('evt-s-many-360');

    expect(await outcomes(upsert(360))).toEqual(['duplicate']);
    expect(await outcomes(upsert(3), left)).toEqual(['stale', 'stale']);
    const student = await getStudent(h.table, 's-many');
    expect([student?.displayName, student?.leftOn]).toEqual(['Student 360', '2027-03-01']);
  });

  it('staff and org units: 300 upserts each keep 50 ids and stay ordered by occurredAt', async () => {
    const staff = (i: number): Json => ({
      id: `evt-st-many-${i}`,
      type: 'staff.upserted',
      occurredAt: at(i),
      data: {
        staffId: 'st-many',
        name: `Coach ${i}`,
        email: 'st-many@school.example',
        roles: ['coach'],
        orgUnitIds: [],
      },
    });
    const unit = (i: number): Json => ({
      id: `evt-ou-many-${i}`,
      type: 'orgunit.upserted',
      occurredAt: at(i),
      data: { orgUnitId: 'ou-many', name: `Team ${i}`, kind: 'team', parentId: null },
    });
    await deliverAll(Array.from({ length: 300 }, (_, i) => [staff(i), unit(i)]).flat(), 400);
    for (const key of [keys.staffKey('st-many'), keys.orgUnitKey('ou-many')]) {
      expect(idsOn(await item(key))).toHaveLength(KEPT);
    }
    expect(await outcomes(staff(299), unit(298))).toEqual(['duplicate', 'duplicate']);
    expect(await outcomes(staff(0), unit(1))).toEqual(['stale', 'stale']);
    expect((await item(keys.staffKey('st-many'))).name).toBe('Coach 299');
    expect((await item(keys.orgUnitKey('ou-many'))).name).toBe('Team 299');
  });
});
