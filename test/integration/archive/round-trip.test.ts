/**
 * The lesson archive on dynalite with the in-memory object store: a student's closed school year
 * leaves the table for one compressed object, the student page shows its weeks as before, a
 * rerun moves nothing, an open report holds a year back, a late event cannot bring a lesson back,
 * the access export reads the lessons back and the sweep erases an object whose marker expired.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { apiEnv } from '../../../functions/api/config';
import type { StudentRecord } from '../../../functions/api/ports';
import { accessExport } from '../../../functions/api/queries/access-export';
import { studentPage } from '../../../functions/api/queries/student';
import { memoryObjectStore } from '../../../functions/archive/local-object-store';
import { parseEnv } from '../../../functions/config';
import type { Report } from '../../../functions/domain/report';
import { createWebhookHandler } from '../../../functions/handlers/webhook-handler';
import { byPartition, queryAll } from '../../../functions/store/dynamo';
import * as keys from '../../../functions/store/keys';
import { listRegistrations, putRegistrationIf } from '../../../functions/store/registrations';
import { createReport } from '../../../functions/store/reports-repository';
import { getStudent } from '../../../functions/store/students';
import { listLessonArchives, listWeekTotals } from '../../../functions/store/week-totals';
import { archiveStudent } from '../../../functions/usecases/archive/archive-student';
import { decodeLines } from '../../../functions/usecases/archive/lesson-lines';
import { archiveBatch, planArchive } from '../../../functions/usecases/archive/plan-archive';
import { sweepArchive } from '../../../functions/usecases/archive/sweep-archive';
import { createApiDeps } from '../../../functions/wiring/api';
import { createWebhookDeps, webhookEnv } from '../../../functions/wiring/webhook';
import { driveArchive } from '../../../scripts/local/archive-driver';
import { startTestTable } from '../../support/dynalite';
import { startedForEachTest } from '../../support/started';
import {
  batch,
  deletionEvent,
  lambdaContext,
  newSecret,
  registrationEvent,
  reply,
  signedDelivery,
  studentEvent,
} from '../../support/webhook';

type Json = Record<string, unknown>;

/** 2025-26 (its last lesson day 2026-07-10) is closed from 2027-01-29 on; 2026-27 is not yet. */
const DELIVERED = new Date('2026-09-10T10:00:00Z');
/** The student page while 2025-26 was the current year. */
const DURING_YEAR = new Date('2026-07-01T10:00:00Z');
const AFTER_CLOSE = new Date('2027-03-01T10:00:00Z');
const OLD_DATES = ['2025-09-08', '2025-09-09', '2025-09-16', '2026-03-02'];
const NEW_DATE = '2026-09-07';

let seq = 0;
const lesson = (studentId: string, date: string, slot: number, status: string, extra: Json = {}) =>
  registrationEvent(
    {
      registrationId: `${studentId}-${date}-${slot}`,
      studentId,
      date,
      start: `${8 + 2 * slot}:00`.padStart(5, '0'),
      end: `${9 + 2 * slot}:30`.padStart(5, '0'),
      status,
      ...extra,
    },
    { id: `evt-${++seq}`, occurredAt: `${date}T18:00:00+02:00` },
  );

function roster(): Json[] {
  const at = '2025-08-20T07:00:00+02:00';
  const unit = (orgUnitId: string, kind: string, parentId: string | null) => ({
    id: `evt-ou-${orgUnitId}`,
    type: 'orgunit.upserted',
    occurredAt: at,
    data: { orgUnitId, name: orgUnitId, kind, parentId },
  });
  return [unit('inst', 'institution', null), unit('team-ict', 'team', 'inst')];
}

async function start() {
  const table = await startTestTable();
  const secret = newSecret();
  const clock = { now: DELIVERED };
  const webhook = createWebhookHandler(() =>
    createWebhookDeps(
      parseEnv(webhookEnv, { TABLE_NAME: table.tableName, PRESENCE_WEBHOOK_SECRETS: secret }),
      {
        store: table,
        now: () => clock.now,
      },
    ),
  );
  const deliver = async (...events: Json[]) => {
    const answer = reply(
      (await webhook(signedDelivery(batch(...events), { secret }), lambdaContext() as Context)) as never,
    );
    if (answer.status !== 200)
      throw new Error(`webhook answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return (answer.body as { results: { id: string; outcome: string }[] }).results;
  };
  await deliver(...roster());
  const objects = memoryObjectStore();
  return {
    table,
    clock,
    deliver,
    objects,
    deps: { store: table, objects, now: () => AFTER_CLOSE },
    stop: () => table.stop(),
  };
}

const h = startedForEachTest(start);

/** A school year's lessons of a student: some absent, one late, one deleted (a tombstone). */
async function schoolYearOf(studentId: string) {
  await h.deliver(
    studentEvent(studentId, { teamId: 'team-ict', coachId: 'c-jansen', enrolledFrom: '2025-08-18' }),
  );
  await h.deliver(
    ...OLD_DATES.flatMap((date, d) => [
      lesson(studentId, date, 0, d % 2 === 0 ? 'absent' : 'present'),
      lesson(studentId, date, 1, 'late', { minutesMissed: 20 }),
      lesson(studentId, date, 2, 'absent', {
        reason: 'sick',
        notice: { channel: 'phone', reportedBy: 'parent', proof: false },
      }),
    ]),
    lesson(studentId, NEW_DATE, 0, 'absent'),
  );
  await h.deliver(
    deletionEvent(`${studentId}-2025-09-16-0`, 1, {
      id: `evt-${++seq}`,
      occurredAt: '2026-03-10T12:00:00+02:00',
    }),
  );
}

const student = async (id: string) => (await getStudent(h.table, id)) as unknown as StudentRecord;
const registrationItems = (studentId: string) =>
  queryAll(h.table, byPartition('gsi1', keys.studentRegistrationsPk(studentId)));

describe('the lesson archive', () => {
  it('moves a closed year to one object, keeps its weeks on the page, and a rerun moves nothing', async () => {
    await schoolYearOf('s-ann');
    const pageThen = await studentPage(h.table, await student('s-ann'), DURING_YEAR);
    const lessonsThen = await listRegistrations(h.table, 's-ann', '2025-08-18', '2026-08-23');
    expect(pageThen.weeks.length).toBe(3);

    const result = await archiveStudent(h.deps, 's-ann');
    expect(result).toEqual([{ schoolYear: '2025-26', moved: 12 }]);

    // Only the lesson of the year still open stays in the table; the tombstone left too.
    const left = await registrationItems('s-ann');
    expect(left.map((i) => i.date)).toEqual([NEW_DATE]);

    const weeks = await listWeekTotals(h.table, 's-ann');
    expect(weeks.map((w) => w.weekStart)).toEqual(pageThen.weeks.map((w) => w.weekStart));
    expect(weeks.reduce((n, w) => n + w.lessons, 0)).toBe(11);
    expect(weeks[0]?.minutesByReason.sick?.authorized).toBeGreaterThan(0);

    const object = h.objects.objects.get(keys.lessonArchiveObjectKey('s-ann', '2025-26'));
    const lines = decodeLines(object);
    expect(lines.flatMap((l) => l.live ?? [])).toEqual(lessonsThen);
    expect(lines.filter((l) => l.deleted).map((l) => l.registrationId)).toEqual(['s-ann-2025-09-16-0']);

    const [marker] = await listLessonArchives(h.table, 's-ann');
    expect(marker).toMatchObject({ lessons: 11, tombstones: 1, weeks: 3 });

    // The page says the year's lessons are archived and until when: the marker's expiry.
    const pageNow = await studentPage(h.table, await student('s-ann'), AFTER_CLOSE);
    const keptUntil = new Date((marker?.expiresAt ?? 0) * 1000).toISOString().slice(0, 10);
    expect(keptUntil > '2030-01-01').toBe(true);
    expect(pageNow.years).toEqual([
      {
        schoolYear: '2025-26',
        archive: { lessons: 11, keptUntil },
        weeks: pageThen.weeks,
        totals: pageThen.totals,
      },
    ]);

    expect(await archiveStudent(h.deps, 's-ann')).toEqual([]);
    expect(h.objects.objects.get(keys.lessonArchiveObjectKey('s-ann', '2025-26'))).toEqual(object);
    expect(await listWeekTotals(h.table, 's-ann')).toEqual(weeks);
  });

  it('a retry after the object was written but before the deletes finished loses nothing', async () => {
    await schoolYearOf('s-ann');
    const lessonsThen = await listRegistrations(h.table, 's-ann', '2025-08-18', '2026-08-23');
    // A first run that stopped during its deletes: the object is written, some lessons still in the table.
    const partial = memoryObjectStore();
    await archiveStudent({ ...h.deps, objects: partial }, 's-ann');
    const key = keys.lessonArchiveObjectKey('s-ann', '2025-26');
    const all = decodeLines(partial.objects.get(key));
    await h.objects.put(key, partial.objects.get(key) as Uint8Array);
    for (const l of all.slice(6)) {
      await putRegistrationIf(h.table, { ...l, eventIds: new Set(l.eventIds) }, undefined);
    }
    await archiveStudent(h.deps, 's-ann');
    expect(decodeLines(h.objects.objects.get(key)).flatMap((l) => l.live ?? [])).toEqual(lessonsThen);
    expect((await registrationItems('s-ann')).map((i) => i.date)).toEqual([NEW_DATE]);
  });

  it('leaves a year with an open report of the student in the table', async () => {
    await schoolYearOf('s-bob');
    const report: Report = {
      reportId: 'r-bob',
      signalId: 'sig-bob',
      studentId: 's-bob',
      studentName: 's-bob',
      teamId: 'team-ict',
      coachId: 'c-jansen',
      routeX: false,
      addressee: 'lpa',
      from: '2026-03-02',
      to: '2026-03-02',
      unauthorizedMinutes: 960,
      absentDays: 2,
      allLessonsMissed: true,
      createdOn: '2026-03-03',
      dueDate: '2026-03-05',
      status: 'open',
      actions: [],
      version: 1,
    };
    await createReport(h.table, { ...report, expiresAt: 4_000_000_000 });
    expect(await archiveStudent(h.deps, 's-bob')).toEqual([
      { schoolYear: '2025-26', moved: 0, heldBack: 'open-work' },
    ]);
    expect((await registrationItems('s-bob')).length).toBe(13);
    expect(h.objects.objects.size).toBe(0);
  });

  it('answers a late event for an archived year stale, and applies one for a year not archived', async () => {
    await schoolYearOf('s-ann');
    await schoolYearOf('s-bob');
    await archiveStudent(h.deps, 's-ann');
    h.clock.now = AFTER_CLOSE;
    const late = (studentId: string) => lesson(studentId, '2025-10-06', 0, 'absent');
    const [ann, bob] = await h.deliver(late('s-ann'), late('s-bob'));
    expect(ann?.outcome).toBe('stale');
    expect(bob?.outcome).toBe('applied');
    expect((await registrationItems('s-ann')).map((i) => i.date)).toEqual([NEW_DATE]);
    // A correction of an archived lesson is stale too: the archive keeps the lesson as it was.
    const [fix] = await h.deliver(lesson('s-ann', '2025-09-08', 0, 'present', { revision: 5 }));
    expect(fix?.outcome).toBe('stale');
  });

  it('the planner fans out every student; the access export reads the lessons back; the sweep erases expired objects', async () => {
    await schoolYearOf('s-ann');
    await schoolYearOf('s-bob');
    expect(await planArchive(h.deps, 1)).toEqual([['s-ann'], ['s-bob']]);
    const batch1 = await archiveBatch(h.deps, ['s-ann', 's-bob']);
    expect(batch1.failed).toEqual([]);
    expect(h.objects.objects.size).toBe(2);

    const exported = await accessExport(
      h.table,
      's-ann',
      AFTER_CLOSE,
      { staffId: 'vb', name: 'VB' },
      h.objects,
    );
    expect(exported.registrations.filter((r) => r.archived).length).toBe(12);
    expect(exported.registrations.filter((r) => !r.archived).map((r) => r.date)).toEqual([NEW_DATE]);
    expect(exported.archivedWeeks?.length).toBe(3);

    expect(await sweepArchive(h.deps)).toBe(0);
    const [marker] = await listLessonArchives(h.table, 's-ann');
    const afterRetention = new Date(((marker?.expiresAt ?? 0) + 1) * 1000);
    expect(await sweepArchive({ ...h.deps, now: () => afterRetention })).toBe(2);
    expect(h.objects.objects.size).toBe(0);
  });

  it('runs locally (npm run archive) through the planner and worker handlers into DATA_DIR/archive, where the local API reads it back', async () => {
    await schoolYearOf('s-ann');
    const dataDir = await mkdtemp(join(tmpdir(), 'presentie-archive-'));
    try {
      const run = await driveArchive({ store: h.table, dataDir, now: () => AFTER_CLOSE });
      expect(run).toMatchObject({ erased: 0, batches: 1, deadLettered: [] });
      expect(await readdir(join(dataDir, 'archive', 'lessons', 's-ann'))).toEqual(['2025-26.jsonl.gz']);
      expect((await registrationItems('s-ann')).map((i) => i.date)).toEqual([NEW_DATE]);

      // The API as the local system builds it: no ARCHIVE_BUCKET, so the folder under DATA_DIR.
      const env = parseEnv(apiEnv, {
        TABLE_NAME: h.table.tableName,
        AUTH_MODE: 'local',
        DATA_DIR: dataDir,
        DASHBOARD_URL: 'http://localhost:4321',
      });
      const api = await createApiDeps(env, { store: h.table, now: () => AFTER_CLOSE });
      const exported = await api.data.accessExport('s-ann', AFTER_CLOSE, { staffId: 'vb', name: 'VB' });
      expect(exported.registrations.filter((r) => r.archived).length).toBe(12);

      // A second run moves nothing and leaves the object as it was.
      expect(await driveArchive({ store: h.table, dataDir, now: () => AFTER_CLOSE })).toMatchObject({
        deadLettered: [],
      });
      expect((await listLessonArchives(h.table, 's-ann')).length).toBe(1);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
