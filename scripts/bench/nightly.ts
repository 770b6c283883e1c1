/**
 * `npm run bench -- nightly`: the nightly run over a local school of 20,000 students (size with
 * BENCH_NIGHTLY_STUDENTS). Seeds students and day summaries directly through the repositories
 * (in-memory dynalite), runs a warm-up night, then measures the night after: wall time, DynamoDB
 * reads per evaluated student (target at most 2 on average, none for skipped students: counted by
 * wrapping the document client) and mails per second through aws-ses-v2-local.
 *
 * Last night's data: BENCH_NIGHTLY_ACTIVE (default 0.6) of the students had lessons (BBL students
 * work most days), so the rest must be skipped without a single read.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseEnv } from '../../functions/config';
import { createLocalBus } from '../../functions/events/local-bus';
import { createDocumentClient, type Store } from '../../functions/store/client';
import { mapLimit } from '../../functions/store/dynamo';
import { putOrgUnit } from '../../functions/store/org-units';
import type { ClassifiedRegistration } from '../../functions/store/registrations';
import { putStaff } from '../../functions/store/staff';
import { putStudent } from '../../functions/store/students';
import { ensureTable } from '../../functions/store/table-definition';
import { liveVersion, writeRegistrations } from '../../functions/usecases/ingest/write-registrations';
import { runNightly } from '../../functions/usecases/nightly/run-nightly';
import { createNightlyDeps, nightlyEnv } from '../../functions/wiring/nightly';
import { startDynalite } from '../local/dynalite';
import { startSes } from '../local/ses';

const STUDENTS = Number(process.env.BENCH_NIGHTLY_STUDENTS ?? 20_000);
const ACTIVE = Number(process.env.BENCH_NIGHTLY_ACTIVE ?? 0.6);
const TEAMS = Math.max(1, Math.round(STUDENTS / 500));
const HISTORY_DAY = '2026-09-07';
const WARM_UP = '2026-09-11';
const AS_OF = '2026-09-14';
const READS = new Set(['GetCommand', 'QueryCommand', 'BatchGetCommand', 'ScanCommand']);

interface ReadCounter {
  total: number;
  byOperation: Map<string, number>;
  /** Reads of one student's partition or index entries (`STU#<id>`, `STUREG#<id>`), by student. */
  byStudent: Map<string, number>;
  /** Batch reads that fetched items of several students (profiles and signal states). */
  batchedStudentReads: number;
  reset(): void;
}

/** Counts every read request the nightly run makes through this client. */
function countReads(doc: DynamoDBDocumentClient): ReadCounter {
  const counter: ReadCounter = {
    total: 0,
    byOperation: new Map(),
    byStudent: new Map(),
    batchedStudentReads: 0,
    reset() {
      counter.total = 0;
      counter.byOperation.clear();
      counter.byStudent.clear();
      counter.batchedStudentReads = 0;
    },
  };
  const send = doc.send.bind(doc) as (command: unknown) => Promise<unknown>;
  (doc as unknown as { send: (command: unknown) => Promise<unknown> }).send = (command: unknown) => {
    const name = (command as { constructor: { name: string } }).constructor.name;
    if (READS.has(name)) {
      counter.total++;
      counter.byOperation.set(name, (counter.byOperation.get(name) ?? 0) + 1);
      const input = (
        command as {
          input: {
            Key?: { pk?: string };
            ExpressionAttributeValues?: Record<string, unknown>;
            RequestItems?: Record<string, { Keys?: Array<{ pk: string }> }>;
          };
        }
      ).input;
      const studentOf = (pk: unknown) =>
        typeof pk === 'string' ? /^(?:STU|STUREG)#(.+)$/.exec(pk)?.[1] : undefined;
      const id = studentOf(input.Key?.pk ?? input.ExpressionAttributeValues?.[':pk']);
      if (id) counter.byStudent.set(id, (counter.byStudent.get(id) ?? 0) + 1);
      const batched = Object.values(input.RequestItems ?? {}).flatMap(({ Keys = [] }) =>
        Keys.flatMap((k) => studentOf(k.pk) ?? []),
      );
      if (batched.length > 0) counter.batchedStudentReads++;
      // A student in a batch read is read too (skipped students must be in none).
      for (const student of batched) counter.byStudent.set(student, counter.byStudent.get(student) ?? 0);
    }
    return send(command);
  };
  return counter;
}

type Lesson = Pick<ClassifiedRegistration, 'status' | 'start' | 'end' | 'classification'>;
const absent = (minutes: number): Lesson => ({
  status: 'absent',
  start: '08:30',
  end: '16:30',
  classification: {
    kind: 'unauthorized',
    minutesMissed: minutes,
    lessonMinutes: minutes,
    ruleId: 'unknown',
    sick: false,
  },
});
const present: Lesson = {
  status: 'present',
  start: '08:30',
  end: '16:30',
  classification: { kind: 'present', minutesMissed: 0, lessonMinutes: 480, ruleId: 'present', sick: false },
};

/** One lesson, stored as ingestion stores it (named in the change log for the nightly run). */
function storeLesson(
  store: Store,
  place: { studentId: string; date: string; registrationId: string },
  lesson: Lesson,
  expiresAt: number,
) {
  const version = liveVersion({ ...place, revision: 0, ...lesson }, { expiresAt });
  return writeRegistrations(store, new Date(), { changed: [version] }, new Map());
}

async function seed(store: Store): Promise<{ active: Set<string> }> {
  const meta = (id: string) => ({ version: 1, eventIds: [`seed-${id}`] });
  await putOrgUnit(
    store,
    { orgUnitId: 'inst', name: 'Het College', kind: 'institution', parentId: null },
    meta('inst'),
  );
  for (let d = 0; d < 4; d++) {
    await putOrgUnit(
      store,
      { orgUnitId: `dep-${d}`, name: `Afdeling ${d}`, kind: 'department', parentId: 'inst' },
      meta(`dep-${d}`),
    );
  }
  await mapLimit([...Array(TEAMS).keys()], 16, async (t) => {
    await putOrgUnit(
      store,
      { orgUnitId: `team-${t}`, name: `Team ${t}`, kind: 'team', parentId: `dep-${t % 4}` },
      meta(`team-${t}`),
    );
    await putStaff(
      store,
      {
        staffId: `coach-${t}`,
        name: `Coach ${t}`,
        email: `coach-${t}@school.example`,
        roles: ['coach'],
        orgUnitIds: [`team-${t}`],
      },
      meta(`coach-${t}`),
    );
  });
  await putStaff(
    store,
    {
      staffId: 'officer',
      name: 'Verzuim',
      email: 'verzuim@school.example',
      roles: ['attendance_officer'],
      orgUnitIds: ['inst'],
    },
    meta('officer'),
  );

  const ids = Array.from({ length: STUDENTS }, (_, i) => `stu-${String(i).padStart(6, '0')}`);
  const expiresAt = Math.floor(Date.parse('2032-09-01') / 1000);
  // Deterministic shares: every 10th student was absent a week ago, every 20th again last night.
  const active = new Set(ids.filter((_, i) => (i * 7919) % 1000 < ACTIVE * 1000 || i % 20 === 0));
  await mapLimit(ids, 32, async (id) => {
    const i = Number(id.slice(4));
    const team = i % TEAMS;
    await putStudent(
      store,
      {
        studentId: id,
        displayName: `Student ${i}`,
        email: `${id}@student.school.example`,
        birthDate: i % 3 === 0 ? '2010-02-01' : '2007-06-15',
        teamId: `team-${team}`,
        coachId: `coach-${team}`,
        level: (['entree', '2', '3', '4'] as const)[i % 4] ?? '4',
        pathway: i % 5 === 0 ? 'BBL' : 'BOL',
        routeX: i % 50 === 0,
        startQualification: false,
        enrolledFrom: '2025-08-25',
        enrolledUntil: null,
      },
      { version: 1, eventIds: [`seed-stu-${id}`], expiresAt },
    );
    if (i % 10 === 0) {
      await storeLesson(
        store,
        { studentId: id, date: HISTORY_DAY, registrationId: `${id}-h` },
        absent(480),
        expiresAt,
      );
    }
  });
  return { active };
}

async function seedLastNight(store: Store, active: Set<string>) {
  const expiresAt = Math.floor(Date.parse('2032-09-01') / 1000);
  await mapLimit([...active], 32, async (id) => {
    const i = Number(id.slice(4));
    const entry = i % 20 === 0 ? absent(480) : present;
    await storeLesson(store, { studentId: id, date: AS_OF, registrationId: `${id}-n` }, entry, expiresAt);
  });
}

export async function run(): Promise<void> {
  const dynalite = await startDynalite({ port: 0 });
  const ses = await startSes({ port: 0 });
  process.env.AWS_ENDPOINT_URL_DYNAMODB = dynalite.endpoint;
  process.env.AWS_REGION ??= 'eu-west-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  const doc = createDocumentClient();
  const store: Store = { doc, tableName: 'presentie-bench-nightly' };
  const sesClient = new SESv2Client({
    endpoint: ses.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await ensureTable(doc, store.tableName);
    let t = performance.now();
    const { active } = await seed(store);
    console.log(
      `seeded ${STUDENTS} students, ${TEAMS} teams in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    // The nightly function's own wiring, with the bench's table (reads counted below) and SES.
    const deps = createNightlyDeps(
      parseEnv(nightlyEnv, {
        TABLE_NAME: store.tableName,
        MAIL_FROM: 'presentie@school.example',
        SES_MAX_PER_SECOND: '1000',
        DASHBOARD_URL: 'http://localhost:3000',
      }),
      { store, ses: sesClient, bus: createLocalBus(), outboxConcurrency: 8 },
    );
    const { outbox } = deps;
    const warm = await runNightly(deps, WARM_UP);
    console.log(
      `warm-up night (${WARM_UP}): ${warm.evaluated} evaluated, ${warm.signals} signals, ${warm.flush.sent} mails`,
    );

    t = performance.now();
    await seedLastNight(store, active);
    console.log(
      `last night's data: ${active.size} students with lessons (${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );

    const reads = countReads(doc);
    t = performance.now();
    const result = await runNightly(
      {
        ...deps,
        outbox: {
          enqueue: outbox.enqueue,
          flush: async () => ({ sent: 0, failed: 0, deferred: 0, cancelled: 0, givenUp: 0 }),
          sendNow: async () => ({ sent: 0, failed: 0, deferred: 0, cancelled: 0, givenUp: 0 }),
        },
      },
      AS_OF,
    );
    const evaluateMs = performance.now() - t;
    const evaluationReads = reads.total;
    const readsByOp = Object.fromEntries(reads.byOperation);
    const studentReads = [...reads.byStudent.values()].reduce((a, b) => a + b, 0) + reads.batchedStudentReads;
    const skippedWithReads = [...reads.byStudent.keys()].filter((id) => !active.has(id)).length;

    t = performance.now();
    const flush = await outbox.flush();
    const flushMs = performance.now() - t;

    const skipped = STUDENTS - result.evaluated;
    console.log(
      `night of ${AS_OF}: ${result.evaluated} evaluated, ${skipped} skipped, ${result.signals} signals, ${result.mailsQueued} mails queued`,
    );
    console.log(
      `  wall time (evaluate, reports, KPI)   ${(evaluateMs / 1000).toFixed(1)} s  (${((evaluateMs / result.evaluated) * 1000).toFixed(0)} µs per evaluated student)`,
    );
    console.log(`  DynamoDB reads, all                  ${evaluationReads}  ${JSON.stringify(readsByOp)}`);
    console.log(
      `  reads per evaluated student          ${(evaluationReads / result.evaluated).toFixed(3)} overall, ${(studentReads / result.evaluated).toFixed(3)} of students' own items (target <= 2)`,
    );
    console.log(`  skipped students with any read       ${skippedWithReads} (target 0)`);
    console.log(
      `  mails sent                           ${flush.sent} in ${(flushMs / 1000).toFixed(1)} s = ${(flush.sent / (flushMs / 1000)).toFixed(0)} mails/s (SES pacing 1000/s, 8 in flight)`,
    );
    console.log(`  whole night                          ${((evaluateMs + flushMs) / 1000).toFixed(1)} s`);
  } finally {
    sesClient.destroy();
    doc.destroy();
    await ses.stop();
    await dynalite.stop();
  }
}
