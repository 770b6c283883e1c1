import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOrgUnits } from '../../../functions/store/org-units';
import { studentItemExpiry } from '../../../functions/store/retention';
import { listStaff } from '../../../functions/store/staff';
import { getStudent } from '../../../functions/store/students';
import { defaultCalendar } from '../../../shared/calendar';
import { batch, deletionEvent, registrationEvent, signedDelivery, studentEvent } from '../../support/webhook';
import { type Harness, startHarness } from './harness';

/** Issue 11, "Bad input": what the webhook refuses beyond the schema, and what it cleans. */

let h: Harness;
/** The handler's clock, set by each test. */
let clock = new Date('2026-10-05T10:00:00Z');
beforeAll(async () => {
  h = await startHarness({ now: () => clock });
});
afterAll(async () => {
  await h.stop();
});

type Json = Record<string, unknown>;
const at = (iso: string) => {
  clock = new Date(iso);
};
const seconds = (n: number) => new Date(clock.getTime() + n * 1000).toISOString();

let sequence = 0;
const orgUnitEvent = (orgUnitId: string, name: string, envelope: Json = {}): Json => ({
  id: `evt-ou-${++sequence}`,
  type: 'orgunit.upserted',
  occurredAt: '2026-09-01T07:00:00+02:00',
  data: { orgUnitId, name, kind: 'team', parentId: null },
  ...envelope,
});
const staffEvent = (staffId: string, name: string): Json => ({
  id: `evt-staff-${++sequence}`,
  type: 'staff.upserted',
  occurredAt: '2026-09-01T07:00:00+02:00',
  data: { staffId, name, email: `staff${sequence}@school.example`, roles: ['coach'], orgUnitIds: [] },
});

/** Sends a batch that must be refused: its 400 issues, and that nothing of it was stored. */
async function refused(...events: Json[]): Promise<Array<{ event?: number; path: string }>> {
  const before = await h.scan();
  const r = await h.send(batch(...events));
  expect(r.status).toBe(400);
  expect(await h.scan()).toEqual(before);
  return r.body.issues as Array<{ event?: number; path: string }>;
}

describe('the envelope', () => {
  it('refuses an unknown field beside id, type, occurredAt and data, as it does inside data', async () => {
    at('2026-10-05T10:00:00Z');
    const issues = await refused(studentEvent('s-env'), studentEvent('s-env-2', {}, { source: 'sis' }));
    expect(issues).toEqual([{ event: 1, path: 'source', message: 'unknown field' }]);
  });

  it('refuses ids with "#", whitespace, control or bidirectional characters, naming each path', async () => {
    at('2026-10-05T10:00:00Z');
    const issues = await refused(
      studentEvent('s-ok', {}, { id: 'evt#1' }),
      studentEvent('s-ok', {}, { id: 'evt 2' }),
      studentEvent('s-ok', {}, { id: 'evt\u00073' }),
      studentEvent('s-ok', {}, { id: 'evt\u202E4' }),
      studentEvent('s 5', { email: 's5@student.school.example' }),
      studentEvent('s-6', { coachId: 'c\tjansen' }),
      staffEvent('st#7', 'A. Staff'),
      orgUnitEvent('ou\n8', 'Team'),
      registrationEvent({ registrationId: 'r\u00009', studentId: 's-ok' }),
      deletionEvent('r 10', 1),
    );
    expect(issues.map((i) => [i.event, i.path])).toEqual([
      [0, 'id'],
      [1, 'id'],
      [2, 'id'],
      [3, 'id'],
      [4, 'data.studentId'],
      [5, 'data.coachId'],
      [6, 'data.staffId'],
      [7, 'data.orgUnitId'],
      [8, 'data.registrationId'],
      [9, 'data.registrationId'],
    ]);
  });
});

describe('names', () => {
  it('are stored without control characters, line breaks or bidirectional overrides, whitespace collapsed', async () => {
    at('2026-10-05T10:00:00Z');
    const dirty = '  Sanne\u202E\u0007 Smit\r\nBcc: x@evil.example\u2066\u200F\t de\u00A0Vries ';
    const r = await h.send(
      batch(
        orgUnitEvent('team-names', 'ICT\u2028niveau\u202D 4'),
        staffEvent('c-names', 'M.\nJansen\u200E'),
        studentEvent('s-names', { displayName: dirty, coachId: 'c-names', teamId: 'team-names' }),
      ),
    );
    expect(r.status).toBe(200);
    expect((await getStudent(h.table, 's-names'))?.displayName).toBe(
      'Sanne Smit Bcc: x@evil.example de Vries',
    );
    expect((await listStaff(h.table)).find((s) => s.staffId === 'c-names')?.name).toBe('M. Jansen');
    expect((await listOrgUnits(h.table)).find((u) => u.orgUnitId === 'team-names')?.name).toBe(
      'ICT niveau 4',
    );
  });

  it('refuses a name that is empty once cleaned, naming its path', async () => {
    at('2026-10-05T10:00:00Z');
    const blank = ' \u202E\r\n\u200F\u0000 ';
    const issues = await refused(
      studentEvent('s-blank', { displayName: blank }),
      staffEvent('c-blank', blank),
      orgUnitEvent('ou-blank', '\u2067\u2069'),
    );
    expect(issues.map((i) => [i.event, i.path])).toEqual([
      [0, 'data.displayName'],
      [1, 'data.name'],
      [2, 'data.name'],
    ]);
  });
});

describe('occurredAt, revisions and dates', () => {
  it('refuses an event more than 5 minutes in the future by the handler’s clock, and takes one within', async () => {
    at('2026-10-05T10:00:00Z');
    const issues = await refused(
      studentEvent('s-future-ok', {}, { occurredAt: seconds(240) }),
      studentEvent('s-future', {}, { occurredAt: seconds(310) }),
    );
    expect(issues).toEqual([expect.objectContaining({ event: 1, path: 'occurredAt' })]);
    // An offset other than UTC is the same instant.
    const local = '2026-10-05T12:05:10+02:00'; // 10:05:10 UTC
    expect(await refused(studentEvent('s-future', {}, { occurredAt: local }))).toEqual([
      expect.objectContaining({ event: 0, path: 'occurredAt' }),
    ]);
    const r = await h.send(batch(studentEvent('s-future-ok', {}, { occurredAt: seconds(240) })));
    expect(r.status).toBe(200);
  });

  it('refuses a revision beyond 2^31 - 1 and takes that one', async () => {
    at('2026-10-05T10:00:00Z');
    const issues = await refused(
      deletionEvent('r-huge', 2 ** 31),
      registrationEvent({ registrationId: 'r-huge', studentId: 's-future-ok', revision: 2 ** 53 - 1 }),
    );
    expect(issues.map((i) => [i.event, i.path])).toEqual([
      [0, 'data.revision'],
      [1, 'data.revision'],
    ]);
    const r = await h.send(batch(deletionEvent('r-huge', 2 ** 31 - 1)));
    expect(r.status).toBe(200);
  });

  it('refuses a lesson dated outside the school calendar, naming the event and data.date', async () => {
    at('2028-09-05T10:00:00Z');
    const { from, to } = defaultCalendar.coverage;
    expect([from, to]).toEqual(['2025-08-18', '2028-07-23']);
    const lesson = (registrationId: string, date: string) =>
      registrationEvent(
        { registrationId, studentId: 's-cal', date },
        { occurredAt: `${date}T12:00:00+02:00` },
      );
    const issues = await refused(
      studentEvent('s-cal'),
      lesson('r-cal-1', '2025-08-17'),
      lesson('r-cal-2', from),
      lesson('r-cal-3', to),
      lesson('r-cal-4', '2028-07-24'),
    );
    expect(issues).toEqual([
      expect.objectContaining({ event: 1, path: 'data.date', message: expect.stringContaining(from) }),
      expect.objectContaining({ event: 4, path: 'data.date', message: expect.stringContaining(to) }),
    ]);
  });
});

describe('the size of a 400', () => {
  it('lists at most 100 issues, says how many there were, and is smaller than the request', async () => {
    at('2026-10-05T10:00:00Z');
    const events = Array.from({ length: 500 }, (_, i) =>
      registrationEvent({ registrationId: `r-many-${i}`, studentId: 's', date: '2026-13-01', colour: 'red' }),
    );
    const body = JSON.stringify(batch(...events));
    const r = await h.invoke(signedDelivery(body, { secret: h.secret }));
    expect(r.status).toBe(400);
    expect(r.body.issueCount).toBe(1000);
    expect(r.body.issues).toHaveLength(100);
    expect(JSON.stringify(r.body).length).toBeLessThan(body.length);
  });

  it('lists fewer when the request is small, so that the answer still does not outgrow it', async () => {
    at('2026-10-05T10:00:00Z');
    const body = JSON.stringify(batch(...Array.from({ length: 500 }, () => ({}))));
    const r = await h.invoke(signedDelivery(body, { secret: h.secret }));
    expect(r.status).toBe(400);
    expect(r.body.issueCount).toBe(500);
    expect((r.body.issues as unknown[]).length).toBeGreaterThan(0);
    expect((r.body.issues as unknown[]).length).toBeLessThan(100);
    expect(JSON.stringify(r.body).length).toBeLessThanOrEqual(body.length);
  });
});

describe('a reused webhook-id', () => {
  it('answers the same body as a duplicate, and refuses another body under it with 409', async () => {
    at('2026-10-05T10:00:00Z');
    const id = 'msg_reused_1';
    const first = batch(studentEvent('s-reuse-1'));
    expect((await h.send(first, { id })).status).toBe(200);
    const again = await h.send(first, { id });
    expect(again.status).toBe(200);
    expect(again.body.results?.map((x) => x.outcome)).toEqual(['duplicate']);

    const before = await h.scan();
    const other = await h.send(batch(studentEvent('s-reuse-2')), { id });
    expect(other.status).toBe(409);
    expect(other.headers['content-type']).toMatch(/^application\/json/);
    expect(other.body).toEqual({ error: expect.stringContaining('webhook-id') });
    expect(await h.scan()).toEqual(before);
    expect(await getStudent(h.table, 's-reuse-2')).toBeUndefined();
  });
});

describe('"today" in ingestion', () => {
  it('is the Amsterdam date: at 23:30 UTC in summer it is the next day', async () => {
    at('2027-06-30T23:30:00Z'); // 1 July 01:30 in Amsterdam
    const r = await h.send(
      batch(studentEvent('s-today', { enrolledUntil: null }, { occurredAt: '2027-06-30T23:00:00Z' })),
    );
    expect(r.status).toBe(200);
    // Still enrolled: the student's items get a provisional expiry counted from today.
    expect((await getStudent(h.table, 's-today'))?.expiresAt).toBe(
      studentItemExpiry(undefined, '2027-07-01', 5),
    );
  });
});
