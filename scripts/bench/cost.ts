/**
 * `npm run bench -- cost`: the monthly AWS bill, from what the code consumes. A demo school of
 * BENCH_COST_STUDENTS (default 100) students over BENCH_COST_WEEKS (default 13) school weeks is
 * delivered through the real ingestion use case (`ingestBatch`, by the webhook's own wiring), one
 * delivery per class roll call (25 events) in time order, with the nights run by `runNightly`
 * (the nightly function's own wiring, mails through aws-ses-v2-local): every night of the last
 * BENCH_COST_MEASURED_WEEKS (default 1) school weeks, the last school day of each earlier week.
 *
 * Measured, on dynalite: consumed capacity (meterCapacity) plus the index writes dynalite does
 * not report (meterIndexWrites), per lesson and per student and night; requests; the wall time
 * of each delivery and night in this process (Lambda's billed duration is taken as equal:
 * dynalite and the local SES run in this process too, so it errs high); mails and domain events
 * per night; and the table's bytes per student-year, by DynamoDB's size rules, from a scan at
 * the end. What the templates deploy is read from the synthesized CDK app. Then the pure model
 * (cost-model.ts) prices it with prices.ts for 10,000, 40,000 and 200,000 students.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { gzipSync } from 'node:zlib';
import { type AttributeValue, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { parseEnv } from '../../functions/config';
import { ARCHIVE_MARGIN_WEEKS } from '../../functions/domain/archive-years';
import { createLocalBus } from '../../functions/events/local-bus';
import { TABLE } from '../../functions/store/table-definition';
import { ingestBatch } from '../../functions/usecases/ingest/ingest-batch';
import { runNightly } from '../../functions/usecases/nightly/run-nightly';
import { createNightlyDeps, nightlyEnv } from '../../functions/wiring/nightly';
import { createWebhookDeps, webhookEnv } from '../../functions/wiring/webhook';
import { defaultCalendar } from '../../shared/calendar';
import { addDays } from '../../shared/calendar/dates';
import type { PresenceEvent } from '../../shared/contract/events';
import { generateDemoSchool } from '../local/demo-school';
import { meterCapacity } from './capacity';
import {
  type Assumptions,
  type Bill,
  bill,
  type Dashboard,
  type Deployed,
  fixedAndPerStudent,
  type Measured,
  type Year,
} from './cost-model';
import { readDashboard } from './dashboard-size';
import { readDeployed } from './deployed';
import { meterIndexWrites } from './index-writes';
import { itemSize, STORAGE_OVERHEAD } from './item-size';
import { startLocalAws } from './local-aws';
import { FREE_TIERS, type FreeTiers, PRICES, type Prices } from './prices';

const STUDENTS = Number(process.env.BENCH_COST_STUDENTS ?? 100);
const WEEKS = Number(process.env.BENCH_COST_WEEKS ?? 13);
const MEASURED_WEEKS = Number(process.env.BENCH_COST_MEASURED_WEEKS ?? 1);
const TODAY = '2026-12-01';
const ROLL_CALL = 25;
const SIZES = [10_000, 40_000, 200_000];
const GOAL = { students: 40_000, usd: 25 };

/** Not measured here: each a named figure, listed in docs/deploy.md. */
export const ASSUMPTIONS: Assumptions = {
  schoolDaysPerMonth: 21,
  nightsPerMonth: 30,
  courseYears: 3,
  // Not an assumption: the archive moves a school year's lessons out after this margin.
  archiveAfterYears: 1 + ARCHIVE_MARGIN_WEEKS / 52,
  staffPerStudent: 0.06,
  apiCallsPerStaffDay: 20,
  apiReadUnitsPerCall: 10,
  apiMsPerCall: 200,
  pageLoadsPerStaffDay: 2,
  releasesPerMonth: 2,
  // The demo school's answers (npm start, 60 students): 0.2 to 7 KB (a student 1.2 KB, a coach's
  // students 1.6 KB, the KPIs 3.5 KB, the attendance officer's worklist 6.8 KB), the admin page 24 KB.
  apiBytesPerCall: 4096,
  logBytesPerInvocation: 1500,
  logBytesPerApiRequest: 600,
  logStorageCompression: 0.15,
  studentsPerShard: 500,
  transitionsPerShard: 4,
  transitionsPerRun: 10,
  sqsRequestsPerMail: 3,
  sqsIdlePollsPerMappingMonth: 648_000,
  federatedStaff: false,
};

const WEBHOOK_SECRET = `whsec_${Buffer.from('presentie-cost-bench-secret-32b!').toString('base64')}`;

/** School days in the school year that starts in August of `year`, by the school's calendar. */
function schoolDaysInYear(year: number): number {
  let n = 0;
  for (let d = `${year}-08-01`; d < `${year + 1}-08-01`; d = addDays(d, 1)) {
    try {
      if (defaultCalendar.isSchoolDay(d)) n++;
    } catch {
      // outside the calendar's years: not counted
    }
  }
  return n;
}

/** Deliveries as a presence system sends them: each roll call (class of 25) when it is taken. */
function rollCalls(activity: PresenceEvent[]): Map<string, PresenceEvent[][]> {
  const byDay = new Map<string, PresenceEvent[][]>();
  let slot: PresenceEvent[] = [];
  const flush = () => {
    for (let i = 0; i < slot.length; i += ROLL_CALL) {
      const day = slot[0]?.occurredAt.slice(0, 10) ?? '';
      byDay.set(day, [...(byDay.get(day) ?? []), slot.slice(i, i + ROLL_CALL)]);
    }
    slot = [];
  };
  for (const event of activity) {
    if (slot.length > 0 && slot[0]?.occurredAt !== event.occurredAt) flush();
    slot.push(event);
  }
  flush();
  return byDay;
}

interface NightTotals {
  nights: number;
  reads: number;
  writes: number;
  ms: number;
  mails: number;
  events: number;
  evaluated: number;
}
const noNights = (): NightTotals => ({
  nights: 0,
  reads: 0,
  writes: 0,
  ms: 0,
  mails: 0,
  events: 0,
  evaluated: 0,
});

/**
 * Storage, by DynamoDB's rules, from the table as the term left it: each item's size plus its
 * 100 B overhead, once in the table and once in each index whose keys it carries (both project
 * ALL). Items that expire before `transientUntil` (delivery records, the lease) do not accumulate
 * over the years: counted apart. Lessons (`REG#`) are also gzipped per student as JSON lines, the
 * size an archive of them would take.
 */
async function measureStorage(raw: DynamoDBClient, tableName: string, transientUntil: string) {
  const transientBefore = Date.parse(transientUntil) / 1000;
  const totals = {
    lessonBytes: 0,
    otherBytes: 0,
    lessonTableBytes: 0,
    otherTableBytes: 0,
    transientBytes: 0,
    compressed: 0,
  };
  const lessonJson = new Map<string, string[]>();
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await raw.send(
      new ScanCommand({ TableName: tableName, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }),
    );
    for (const item of page.Items ?? []) {
      const copies = 1 + [TABLE.gsi1, TABLE.gsi2].filter((g) => item[g.pk] && item[g.sk]).length;
      const tableBytes = itemSize(item) + STORAGE_OVERHEAD;
      const bytes = tableBytes * copies;
      const expiresAt = Number(item[TABLE.ttl]?.N ?? Number.POSITIVE_INFINITY);
      if (expiresAt < transientBefore) totals.transientBytes += bytes;
      else if (item[TABLE.pk]?.S?.startsWith('REG#')) {
        totals.lessonBytes += bytes;
        totals.lessonTableBytes += tableBytes;
        const plain = unmarshall(item);
        const owner = String(plain.studentId ?? 'all');
        const lines = lessonJson.get(owner) ?? [];
        lines.push(JSON.stringify(plain));
        lessonJson.set(owner, lines);
      } else {
        totals.otherBytes += bytes;
        totals.otherTableBytes += tableBytes;
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  for (const lines of lessonJson.values()) totals.compressed += gzipSync(lines.join('\n')).byteLength;
  return totals;
}

async function measure(
  deployed: Deployed,
  dashboard: Dashboard,
): Promise<{ measured: Measured; notes: string[] }> {
  const aws = await startLocalAws('presentie-bench-cost');
  const { store, raw, ses: sesClient } = aws;
  const { doc } = store;
  try {
    const env = { TABLE_NAME: store.tableName, RETENTION_YEARS: String(deployed.retentionYears) };
    let now = new Date();
    const webhook = await createWebhookDeps(
      parseEnv(webhookEnv, { ...env, PRESENCE_WEBHOOK_SECRETS: WEBHOOK_SECRET }),
      { store, now: () => now, bus: createLocalBus({ record: false }) },
    );
    const nightly = createNightlyDeps(
      parseEnv(nightlyEnv, {
        ...env,
        MAIL_FROM: 'presentie@school.example',
        SES_MAX_PER_SECOND: '1000',
        DASHBOARD_URL: 'http://localhost:3000',
      }),
      { store, ses: sesClient, bus: createLocalBus({ record: false }), outboxConcurrency: 8 },
    );

    const school = generateDemoSchool({ today: TODAY, students: STUDENTS, weeks: WEEKS });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let delivery = 0;
    const deliver = async (events: PresenceEvent[]) => {
      now = new Date(Date.parse(events[events.length - 1]?.occurredAt ?? '') + 60_000);
      await ingestBatch(webhook.ingest, { deliveryId: `cost-${++delivery}`, events });
    };
    for (let i = 0; i < school.roster.length; i += 500) await deliver(school.roster.slice(i, i + 500));

    // Meters: index writes first, so the capacity meter wraps it and its reads stay unmetered.
    const index = meterIndexWrites(doc);
    const capacity = meterCapacity(doc);
    const days = rollCalls(school.activity);
    const measuredFrom = school.schoolDays.length - 5 * MEASURED_WEEKS;
    let lessons = 0;
    let deliveries = 0;
    let ingestMs = 0;
    let ingestReads = 0;
    let ingestWrites = 0;
    const deep = noNights();
    const idle = noNights();
    const night = async (asOf: string, into: NightTotals | undefined) => {
      capacity.reset();
      index.reset();
      const started = performance.now();
      const result = await runNightly(nightly, asOf);
      if (!into) return;
      into.nights++;
      into.ms += performance.now() - started;
      into.reads += capacity.readUnits;
      into.writes += capacity.writeUnits + index.writeUnits;
      into.mails += result.flush.sent;
      into.events += result.eventsPublished;
      into.evaluated += result.evaluated;
    };
    for (const [i, day] of school.schoolDays.entries()) {
      for (const events of days.get(day) ?? []) {
        capacity.reset();
        index.reset();
        const started = performance.now();
        await deliver(events);
        ingestMs += performance.now() - started;
        ingestReads += capacity.readUnits;
        ingestWrites += capacity.writeUnits + index.writeUnits;
        deliveries++;
        lessons += events.filter((e) => e.type === 'registration.upserted').length;
      }
      const next = school.schoolDays[i + 1];
      const lastOfWeek = !next || Date.parse(next) - Date.parse(day) > 86_400_000;
      if (i >= measuredFrom) await night(day, deep);
      else if (lastOfWeek) await night(day, undefined);
    }
    // The night after the last school day, with nothing new: the schedule fires every day.
    await night(addDays(school.to, 1), idle);
    capacity.detach();
    index.detach();
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuShare = (cpu.user + cpu.system) / 1e6 / seconds;

    const storage = await measureStorage(raw, store.tableName, addDays(school.to, 90));
    const yearScale = schoolDaysInYear(Number(school.from.slice(0, 4))) / school.schoolDays.length;

    const perNight = (t: NightTotals, k: keyof NightTotals) => t[k] / Math.max(1, t.nights) / STUDENTS;
    const measured: Measured = {
      lessonsPerStudentDay: lessons / STUDENTS / school.schoolDays.length,
      ingest: {
        writeUnitsPerLesson: ingestWrites / lessons,
        readUnitsPerLesson: ingestReads / lessons,
        deliveriesPerLesson: deliveries / lessons,
        msPerDelivery: ingestMs / deliveries,
      },
      night: {
        readUnitsPerStudent: perNight(deep, 'reads'),
        writeUnitsPerStudent: perNight(deep, 'writes'),
        msPerStudent: perNight(deep, 'ms'),
        mailsPerStudent: perNight(deep, 'mails'),
        eventsPerStudent: perNight(deep, 'events'),
      },
      idleNight: {
        readUnitsPerStudent: perNight(idle, 'reads'),
        writeUnitsPerStudent: perNight(idle, 'writes'),
        msPerStudent: perNight(idle, 'ms'),
      },
      storage: {
        lessonBytesPerStudentYear: (storage.lessonBytes / STUDENTS) * yearScale,
        otherBytesPerStudentYear: (storage.otherBytes / STUDENTS) * yearScale,
        archiveCompression: storage.lessonBytes > 0 ? storage.compressed / storage.lessonBytes : 0,
        lessonTableShare: storage.lessonBytes > 0 ? storage.lessonTableBytes / storage.lessonBytes : 1,
        otherTableShare: storage.otherBytes > 0 ? storage.otherTableBytes / storage.otherBytes : 1,
      },
      dashboard,
    };
    const evaluatedPerNight = deep.evaluated / Math.max(1, deep.nights);
    const notes = [
      `school: ${STUDENTS} students, ${school.schoolDays.length} school days (${school.from} to ${school.to}), ${lessons} lessons in ${deliveries} deliveries, ${seconds.toFixed(0)} s (this process on a CPU ${(cpuShare * 100).toFixed(0)} % of it: less means other work on the machine stretched the wall times below)`,
      `ingestion: ${measured.ingest.writeUnitsPerLesson.toFixed(2)} WRU (table + indexes) and ${measured.ingest.readUnitsPerLesson.toFixed(2)} RRU per lesson, ${measured.ingest.msPerDelivery.toFixed(0)} ms per delivery of ${ROLL_CALL}`,
      `nights (last ${deep.nights}, >= ${WEEKS - MEASURED_WEEKS} weeks deep): ${evaluatedPerNight.toFixed(0)} evaluated a night, ${(deep.reads / Math.max(1, deep.evaluated)).toFixed(2)} RRU per evaluated student, ${measured.night.writeUnitsPerStudent.toFixed(3)} WRU per student, ${(deep.ms / Math.max(1, deep.nights)).toFixed(0)} ms a night, ${(deep.mails / Math.max(1, deep.nights)).toFixed(1)} mails a night`,
      `idle night: ${(idle.reads).toFixed(1)} RRU, ${idle.ms.toFixed(0)} ms`,
      `storage per student-year: lessons ${(measured.storage.lessonBytesPerStudentYear / 1024).toFixed(0)} KB, other items ${(measured.storage.otherBytesPerStudentYear / 1024).toFixed(0)} KB (table + index copies, ${yearScale.toFixed(2)} x the term); the table's own share (what PITR backs up) ${(measured.storage.lessonTableShare * 100).toFixed(0)} % of the lessons' bytes, ${(measured.storage.otherTableShare * 100).toFixed(0)} % of the others'; lessons gzip to ${((storage.compressed / Math.max(1, storage.lessonTableBytes)) * 100).toFixed(0)} % of their table bytes; short-lived items ${(storage.transientBytes / 1024).toFixed(0)} KB left out`,
    ];
    return { measured, notes };
  } finally {
    await aws.stop();
  }
}

const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

function printSize(students: number, bills: Array<{ label: string; bill: Bill }>): void {
  const services = bills[0]?.bill.lines.map((l) => l.service) ?? [];
  const width = Math.max(...services.map((s) => s.length), 10) + 2;
  console.log(`\n${students.toLocaleString('en')} students, USD per month`);
  console.log(`  ${pad('line', width)}${bills.map((b) => lpad(b.label, 22)).join('')}`);
  for (const service of services)
    console.log(
      `  ${pad(service, width)}${bills.map((b) => lpad((b.bill.lines.find((l) => l.service === service)?.usd ?? 0).toFixed(2), 22)).join('')}`,
    );
  console.log(`  ${pad('total', width)}${bills.map((b) => lpad(b.bill.total.toFixed(2), 22)).join('')}`);
  console.log(`  ${pad('dominant', width)}${bills.map((b) => lpad(b.bill.dominant.service, 22)).join('')}`);
}

function scenarios(
  measured: Measured,
  deployed: Deployed,
  prices: Prices,
  assume: Assumptions,
  students: number,
  free: FreeTiers,
) {
  const at = (year: Year, archive: boolean) =>
    bill(measured, deployed, prices, assume, { students, year, archive }, free);
  return [
    { label: 'year 1', bill: at('year 1', false) },
    { label: 'steady, no archive', bill: at('steady state', false) },
    { label: 'steady state', bill: at('steady state', true) },
  ];
}

export async function run(): Promise<void> {
  let t = performance.now();
  const deployed = readDeployed();
  const memory = deployed.functions
    .filter((f) => f.service !== 'deployment')
    .map((f) => `${f.service.replace('presentie-', '')} ${f.memoryMb} MB${f.arm64 ? ' arm64' : ''}`)
    .join(', ');
  console.log(`deployed (synthesized in ${((performance.now() - t) / 1000).toFixed(0)} s): ${memory}`);
  console.log(
    `  table ${deployed.onDemand ? 'on-demand' : 'provisioned'}${deployed.infrequentAccess ? ', Standard-IA' : ''}, PITR ${deployed.pitr ? 'on' : 'off'}, retention ${deployed.retentionYears} years; ${deployed.alarms} alarms (${deployed.alarmMetrics} alarm metrics), ${deployed.logGroups} log groups (${deployed.logRetentionDays} days), ${deployed.stateMachines} state machines, ${deployed.sqsMappings} SQS-fed functions, ${deployed.secrets} secrets, WAF ${deployed.webAcls} ACL / ${deployed.wafRules} rules`,
  );
  const dashboard = readDashboard(deployed.cloudFrontCompress);
  console.log(
    `dashboard: ${dashboard.source}: ${(dashboard.entryBytes / 1024).toFixed(1)} KB in ${dashboard.entryRequests} requests per page load (index.html revalidated, config.json), bundle ${(dashboard.bundleBytes / 1024).toFixed(0)} KB in ${dashboard.bundleRequests} requests once per staff member and release (${ASSUMPTIONS.releasesPerMonth} a month); API answers ${(ASSUMPTIONS.apiBytesPerCall / 1024).toFixed(0)} KB (assumed)`,
  );
  t = performance.now();
  const { measured, notes } = await measure(deployed, dashboard);
  for (const note of notes) console.log(note);
  console.log(
    `prices: ${PRICES.region}, taken ${PRICES.dynamoWritePerMillion.taken} (scripts/bench/prices.ts, always-free tiers in its FREE_TIERS); model assumptions: scripts/bench/cost.ts ASSUMPTIONS`,
  );
  const { region: _region, ...prices } = PRICES;
  console.log(
    `lessons stay in the table ${ASSUMPTIONS.archiveAfterYears.toFixed(2)} years: a school year + ARCHIVE_MARGIN_WEEKS ${ARCHIVE_MARGIN_WEEKS} (functions/domain/archive-years.ts), then the archive moves them to S3`,
  );
  const assume = ASSUMPTIONS;
  for (const students of SIZES) {
    const bills = scenarios(measured, deployed, prices, assume, students, FREE_TIERS);
    printSize(students, bills);
    const steady = { students, year: 'steady state' as const, archive: true };
    printShape(fixedAndPerStudent(measured, deployed, prices, assume, steady), students === SIZES[0]);
    if (students === GOAL.students) printGoal(bills);
  }
}

/** One line: what the bill is without students, and what 1,000 students add. */
function printShape(shape: ReturnType<typeof fixedAndPerStudent>, nameLines: boolean): void {
  // The fixed lines are the same at every size: named once.
  const fixedLines = shape.fixedLines
    .filter((l) => l.usd >= 0.005)
    .map((l) => `${l.service} ${l.usd.toFixed(2)}`)
    .join(', ');
  console.log(
    `  steady state: fixed $${shape.fixedUsd.toFixed(2)} a month${nameLines ? ` (${fixedLines})` : ''} + $${shape.per1000Usd.toFixed(2)} per 1,000 students`,
  );
}

/** The goal, judged on the list-price bill; the always-free tiers beside it, as a separate figure. */
function printGoal(bills: Array<{ label: string; bill: Bill }>): void {
  const steady = bills[2]?.bill;
  const cloudFront = steady?.lines.find((l) => l.service === 'CloudFront');
  if (cloudFront)
    console.log(`  CloudFront, steady state: $${cloudFront.usd.toFixed(2)}: ${cloudFront.detail}`);
  for (const b of bills.slice(1))
    console.log(
      `  goal <= $${GOAL.usd} at ${GOAL.students.toLocaleString('en')} students, ${b.label}: $${b.bill.total.toFixed(2)} = ${(b.bill.total / GOAL.usd).toFixed(2)} x the goal ${b.bill.total <= GOAL.usd ? 'OK' : 'ABOVE GOAL'}; dominant: ${b.bill.dominant.service} ($${b.bill.dominant.usd.toFixed(2)}, ${b.bill.dominant.detail})`,
    );
  if (!steady) return;
  const saved = steady.lines
    .filter((l) => l.usd - l.usdAfterFreeTiers >= 0.005)
    .map((l) => `${l.service} -${(l.usd - l.usdAfterFreeTiers).toFixed(2)}`)
    .join(', ');
  console.log(
    `  with AWS's always-free tiers (an account running nothing else; not the goal's figure), steady state: $${steady.totalAfterFreeTiers.toFixed(2)} against $${steady.total.toFixed(2)} at list price (${saved})`,
  );
}
