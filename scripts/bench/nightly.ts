/**
 * `npm run bench -- nightly`: a night deep in a term. BENCH_NIGHTLY_STUDENTS (default 100)
 * students each get BENCH_NIGHTLY_WEEKS (default 12) school weeks of registrations
 * (BENCH_NIGHTLY_LESSONS, default 6, lessons a day; every 10th student truant one day a week,
 * some late), stored as ingestion stores them (change log first). Two nights settle the history
 * (the first reads every day, the second the day after it), then one day's registrations arrive
 * for BENCH_NIGHTLY_ACTIVE (default 1.0: the usual night) of the students and that night is
 * measured, by phase (plan, each shard, finish and mails) as the state machine runs them:
 *
 * - consumed read units (`meterCapacity`: DynamoDB's billing, which dynalite reports) per
 *   evaluated student, target <= 3 (issue #12), with the students' own items apart from the
 *   night's shared reads, and no read of a student the night skips;
 * - the wall time of one shard (BENCH_NIGHTLY_SHARD, default the planner's DEFAULT_SHARD_SIZE) and
 *   the night's projected wall time at 200,000 students with N shards at once (the state
 *   machine's DEFAULT_NIGHTLY_WORKERS, 1 and 40), assumptions printed with the figures.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { parseEnv } from '../../functions/config';
import { createLocalBus } from '../../functions/events/local-bus';
import type { Store } from '../../functions/store/client';
import { batchPut, mapLimit } from '../../functions/store/dynamo';
import { signalStateKey } from '../../functions/store/keys';
import { putOrgUnit } from '../../functions/store/org-units';
import { type ClassifiedRegistration, toItem } from '../../functions/store/registrations';
import { putStaff } from '../../functions/store/staff';
import { putStudent } from '../../functions/store/students';
import { publishOutbox } from '../../functions/usecases/effects/commit';
import { liveVersion, logChanges, marksOf } from '../../functions/usecases/ingest/write-registrations';
import { finishNight } from '../../functions/usecases/nightly/finish-night';
import { DEFAULT_SHARD_SIZE, planNight } from '../../functions/usecases/nightly/plan-night';
import type { NightlyDeps } from '../../functions/usecases/nightly/ports';
import { runNightly } from '../../functions/usecases/nightly/run-nightly';
import { runShard } from '../../functions/usecases/nightly/run-shard';
import { createNightlyDeps, nightlyEnv } from '../../functions/wiring/nightly';
import { DEFAULT_NIGHTLY_WORKERS } from '../../infra/constructs/nightly-run';
import { defaultCalendar } from '../../shared/calendar';
import { addDays } from '../../shared/calendar/dates';
import { meterCapacity } from './capacity';
import { itemSize } from './item-size';
import { startLocalAws } from './local-aws';

const STUDENTS = Number(process.env.BENCH_NIGHTLY_STUDENTS ?? 100);
const WEEKS = Number(process.env.BENCH_NIGHTLY_WEEKS ?? 12);
const LESSONS = Number(process.env.BENCH_NIGHTLY_LESSONS ?? 6);
const ACTIVE = Number(process.env.BENCH_NIGHTLY_ACTIVE ?? 1);
const SHARD = Number(process.env.BENCH_NIGHTLY_SHARD ?? DEFAULT_SHARD_SIZE);
const TEAMS = Math.max(1, Math.round(STUDENTS / 500));
/** The history's last day, and the two nights after it: a Tuesday, Wednesday, Thursday in December. */
const HISTORY_TO = '2026-12-01';
const SETTLE = '2026-12-02';
const AS_OF = '2026-12-03';
const TARGET_RRU = 3;
const AT_SCALE = 200_000;
const WORKERS = [1, DEFAULT_NIGHTLY_WORKERS, 40];

type Lesson = Pick<ClassifiedRegistration, 'status' | 'start' | 'end' | 'classification'>;

/** Lesson `n` of a day (50 minutes each from 08:30), present, late or absent without leave. */
function lesson(n: number, kind: 'present' | 'late' | 'absent'): Lesson {
  const from = 8 * 60 + 30 + n * 55;
  const time = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const missed = kind === 'absent' ? 50 : kind === 'late' ? 10 : 0;
  return {
    status: kind,
    start: time(from),
    end: time(from + 50),
    classification: {
      kind: kind === 'present' ? 'present' : 'unauthorized',
      minutesMissed: missed,
      lessonMinutes: 50,
      ruleId: kind === 'present' ? 'present' : kind === 'late' ? 'late' : 'unknown',
      sick: false,
    },
  };
}

/** A student's lessons of one day: every 10th student truant on Mondays, every 7th late once a week. */
function dayOf(i: number, date: string): Lesson[] {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return Array.from({ length: LESSONS }, (_, n) => {
    if (i % 10 === 0 && weekday === 1) return lesson(n, 'absent');
    if (i % 7 === 0 && weekday === 3 && n === 0) return lesson(n, 'late');
    return lesson(n, 'present');
  });
}

const EXPIRES_AT = Math.floor(Date.parse('2032-09-01') / 1000);

/**
 * A student's lessons of some days, as ingestion stores them: the change log naming the days
 * first, then each registration's item (put in batches here: the same items, faster to seed).
 */
async function storeDays(store: Store, studentId: string, i: number, dates: readonly string[]) {
  const versions = dates.flatMap((date) =>
    dayOf(i, date).map((l, n) =>
      liveVersion(
        { studentId, date, registrationId: `${studentId}-${date}-${n}`, revision: 0, ...l },
        { expiresAt: EXPIRES_AT },
      ),
    ),
  );
  await logChanges(
    store,
    new Date(),
    versions.flatMap((v) => marksOf(v, undefined)),
  );
  await batchPut(
    store,
    versions.map((v) => toItem(v, 1)),
  );
}

const studentIds = () => Array.from({ length: STUDENTS }, (_, i) => `stu-${String(i).padStart(6, '0')}`);

async function seed(store: Store): Promise<{ active: Set<string>; history: string[] }> {
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

  const ids = studentIds();
  const expiresAt = EXPIRES_AT;
  const history = schoolDays(defaultCalendar.schoolWeeksEndingOn(HISTORY_TO, WEEKS).from, HISTORY_TO);
  // Deterministic share of the students with lessons on the measured day.
  const active = new Set(ids.filter((_, i) => (i * 7919) % 1000 < ACTIVE * 1000));
  await mapLimit(ids, 8, async (id) => {
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
    await storeDays(store, id, i, history);
  });
  return { active, history };
}

/** The school days from `from` to `to`, by the school's calendar. */
function schoolDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (defaultCalendar.isSchoolDay(d)) days.push(d);
  return days;
}

/** One day's lessons for the students who had lessons that day. */
async function seedDay(store: Store, students: ReadonlySet<string>, date: string) {
  await mapLimit([...students], 8, (id) => storeDays(store, id, Number(id.slice(4)), [date]));
}

/** What a read is about: its partition key (`batch <first key>` for a BatchGet). */
function readLabel(command: { constructor: { name: string }; input: Record<string, unknown> }): string {
  const input = command.input as {
    Key?: { pk?: unknown };
    ExpressionAttributeValues?: Record<string, unknown>;
    RequestItems?: Record<string, { Keys?: Array<{ pk?: unknown }> }>;
  };
  const pk = input.Key?.pk ?? input.ExpressionAttributeValues?.[':pk'];
  if (pk !== undefined) return String(pk);
  const first = Object.values(input.RequestItems ?? {})[0]?.Keys?.[0]?.pk;
  return first !== undefined ? `batch ${String(first)}` : command.constructor.name;
}
const isStudentOwn = (label: string) => /^(?:batch )?(?:STU|STUREG)#/.test(label);
const kindOf = (label: string) => label.replace(/#.*$/, '#');

/** A night as the state machine runs it (plan, shards one after the other, finish and mails), timed by phase. */
async function timedNight(deps: NightlyDeps, asOf: string, phase: (name: string) => void) {
  let t = performance.now();
  const plan = await planNight(deps, asOf, { shardSize: SHARD });
  const planMs = performance.now() - t;
  phase('plan');
  const shards: Array<{ ms: number; evaluated: number }> = [];
  for (const shard of plan.shards) {
    t = performance.now();
    const outcome = await runShard(deps, plan, shard);
    shards.push({ ms: performance.now() - t, evaluated: outcome.evaluated });
  }
  phase('shards');
  t = performance.now();
  const finished = await finishNight(deps, plan);
  const flush = await deps.outbox.flush({ asOf });
  await publishOutbox(deps.store, deps.bus);
  const finishMs = performance.now() - t;
  phase('finish and mails');
  return { planMs, shards, finishMs, finished, flush };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

export async function run(): Promise<void> {
  const aws = await startLocalAws('presentie-bench-nightly');
  const { store } = aws;
  try {
    let t = performance.now();
    const { active, history } = await seed(store);
    console.log(
      `seeded ${STUDENTS} students, ${TEAMS} teams, ${history.length} school days (${WEEKS} school weeks, ${history[0]} to ${HISTORY_TO}) of ${LESSONS} lessons each: ${STUDENTS * history.length * LESSONS} registrations in ${seconds(performance.now() - t)}`,
    );

    // The nightly function's own wiring, with the bench's table and SES.
    const deps = createNightlyDeps(
      parseEnv(nightlyEnv, {
        TABLE_NAME: store.tableName,
        MAIL_FROM: 'presentie@school.example',
        SES_MAX_PER_SECOND: '1000',
        DASHBOARD_URL: 'http://localhost:3000',
      }),
      { store, ses: aws.ses, bus: createLocalBus({ record: false }), outboxConcurrency: 8 },
    );
    // The history's night reads every day; the next one reads its day and the days read before
    // (kept-days.ts `recent`), as any night after a history load. Then the term goes on as usual.
    t = performance.now();
    const first = await runNightly(deps, HISTORY_TO, { shardSize: SHARD });
    await seedDay(store, active, SETTLE);
    const second = await runNightly(deps, SETTLE, { shardSize: SHARD });
    console.log(
      `settling nights ${HISTORY_TO} and ${SETTLE}: ${first.evaluated} and ${second.evaluated} evaluated, ${first.signals + second.signals} signals, ${first.flush.sent + second.flush.sent} mails (${seconds(performance.now() - t)})`,
    );
    await seedDay(store, active, AS_OF);

    const meter = meterCapacity(store.doc, readLabel);
    const phases: Array<{ name: string; readUnits: number }> = [];
    let before = 0;
    const night = await timedNight(deps, AS_OF, (name) => {
      phases.push({ name, readUnits: meter.readUnits - before });
      before = meter.readUnits;
    });
    meter.detach();

    const evaluated = night.finished.evaluated;
    const skipped = STUDENTS - evaluated;
    const own = [...meter.readsBy].filter(([label]) => isStudentOwn(label)).reduce((a, [, u]) => a + u, 0);
    const byKind = new Map<string, number>();
    for (const [label, units] of meter.readsBy)
      byKind.set(kindOf(label), (byKind.get(kindOf(label)) ?? 0) + units);
    const skippedRead = [...meter.readsBy.keys()]
      .map((label) => /^(?:STU|STUREG)#(.+)$/.exec(label)?.[1])
      .filter((id): id is string => id !== undefined && !active.has(id));
    const perStudent = meter.readUnits / Math.max(1, evaluated);

    console.log(
      `night of ${AS_OF}: ${evaluated} evaluated, ${skipped} skipped, ${night.finished.signals} signals, ${night.flush.sent} mails; ${night.shards.length} shard(s) of up to ${SHARD}`,
    );
    console.log(
      `  read units (consumed, ReturnConsumedCapacity)  ${meter.readUnits.toFixed(1)} RRU in ${meter.requests} requests; by phase ${phases.map((p) => `${p.name} ${p.readUnits.toFixed(1)}`).join(', ')}`,
    );
    console.log(
      `  read units per evaluated student          ${perStudent.toFixed(2)} RRU (target <= ${TARGET_RRU}: ${(perStudent / TARGET_RRU).toFixed(2)} x the target ${perStudent <= TARGET_RRU ? 'OK' : 'ABOVE TARGET'}), of which the students' own items ${(own / Math.max(1, evaluated)).toFixed(2)}`,
    );
    console.log(
      `  by partition   ${[...byKind]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, units]) => `${kind} ${units.toFixed(1)}`)
        .join(', ')}`,
    );
    console.log(`  skipped students with any read            ${skippedRead.length} (target 0)`);

    // The signal state of a truant student (every 10th), kept days included: one read unit at most?
    const state = await aws.raw.send(
      new GetItemCommand({ TableName: store.tableName, Key: marshall(signalStateKey('stu-000000')) }),
    );
    const stateItem = state.Item ?? {};
    const keptText = stateItem.days?.S ?? '';
    console.log(
      `  signal state item of a student: ${itemSize(stateItem)} bytes, of which kept days ${keptText.length} bytes for ${keptText.split(';').length} days (eventually consistent read: ${itemSize(stateItem) <= 4096 ? '0.5' : 'more than 0.5'} RRU)`,
    );

    // Timing at scale: shards one after the other here; on AWS, N at once.
    const shardMs = night.shards.reduce((a, s) => a + s.ms, 0);
    const msPerStudent = shardMs / Math.max(1, evaluated);
    const largest = night.shards.reduce((a, s) => (s.evaluated > a.evaluated ? s : a), {
      ms: 0,
      evaluated: 0,
    });
    const fullShardMs = msPerStudent * SHARD;
    const scale = AT_SCALE / Math.max(1, evaluated);
    const shardsAtScale = Math.ceil(AT_SCALE / SHARD);
    // The finish step's work goes by team (KPI snapshot, lists) and by the night's mails.
    const teamScale = Math.round(AT_SCALE / 500) / TEAMS;
    console.log(
      `  one shard: ${largest.evaluated} students in ${seconds(largest.ms)} (${msPerStudent.toFixed(1)} ms a student); a full shard of ${SHARD}: ${seconds(fullShardMs)}${largest.evaluated < SHARD ? ' (extrapolated)' : ''}; plan ${seconds(night.planMs)}, finish and mails ${seconds(night.finishMs)}`,
    );
    console.log(
      `  projected night at ${AT_SCALE.toLocaleString('en')} students (${shardsAtScale} shards of ${SHARD}):`,
    );
    for (const n of WORKERS) {
      const ms =
        night.planMs * scale + Math.ceil(shardsAtScale / n) * fullShardMs + night.finishMs * teamScale;
      console.log(
        `    N = ${String(n).padStart(2)} shards at once${n === DEFAULT_NIGHTLY_WORKERS ? ' (DEFAULT_NIGHTLY_WORKERS)' : ''}: ${minutes(ms)}`,
      );
    }
    console.log(
      `  assumptions: every student evaluated (one day of lessons each, the usual night); a shard on Lambda as fast as in this process, whose dynalite is in-process too; DynamoDB on demand serves N shards without throttling, so shards do not slow each other; the plan (change log, shard lists) grows linearly with the students, the finish (KPI by team, lists, reminders, mails) with the teams (one per 500 students; an upper bound, part of it is fixed); Step Functions' own latency per shard left out; a shard must stay under Lambda's 15 minutes (${seconds(fullShardMs)} here).`,
    );
  } finally {
    await aws.stop();
  }
}
