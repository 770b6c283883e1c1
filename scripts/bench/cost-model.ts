import type { FreeTiers, Prices } from './prices';

/**
 * The monthly bill as a pure function: figures measured by `npm run bench -- cost` (per lesson,
 * per student and night, per student-year of storage), what the templates deploy, the list
 * prices and the workload's assumptions, for one size of school. No I/O, no clock: the unit test
 * checks lines against hand-computed values.
 */

/** What the synthesized templates deploy (scripts/bench/deployed.ts). */
export interface Deployed {
  functions: Array<{ service: string; memoryMb: number; arm64: boolean }>;
  onDemand: boolean;
  /** The Standard-Infrequent-Access table class: storage cheaper, request units dearer. */
  infrequentAccess: boolean;
  pitr: boolean;
  alarms: number;
  /** What CloudWatch bills alarms by: one per metric an alarm lists (a metric-math alarm lists several). */
  alarmMetrics: number;
  logGroups: number;
  logRetentionDays: number;
  stateMachines: number;
  /** Lambda functions fed by an SQS queue (each one's pollers make requests even when idle). */
  sqsMappings: number;
  secrets: number;
  webAcls: number;
  wafRules: number;
  userPools: number;
  schedules: number;
  /** Buckets besides the dashboard's (an archive). */
  archiveBuckets: number;
  /** RETENTION_YEARS: items expire this many years after the student left. */
  retentionYears: number;
  /** The distribution compresses what it serves (its default behaviour's `Compress`). */
  cloudFrontCompress: boolean;
  /** CloudFront Functions on the distribution's viewer requests (each request runs them). */
  viewerFunctions: number;
}

/**
 * What a browser fetches from the distribution's default behaviour, in bytes as transferred
 * (scripts/bench/dashboard-size.ts): measured from the built web/dist, or assumed without one.
 */
export interface Dashboard {
  /** Which of the two, as printed. */
  source: string;
  /** Every page load: index.html (no-cache, revalidated) and config.json (fetched no-store). */
  entryBytes: number;
  entryRequests: number;
  /** The content-hashed assets (immutable, a year): once per staff member per release. */
  bundleBytes: number;
  bundleRequests: number;
}

/** Measured on dynalite with the real use cases (scripts/bench/cost.ts). */
export interface Measured {
  lessonsPerStudentDay: number;
  ingest: {
    /** Table plus index write units per lesson ingested. */
    writeUnitsPerLesson: number;
    readUnitsPerLesson: number;
    deliveriesPerLesson: number;
    /** In-process wall time per delivery: Lambda's billed duration assumed equal. */
    msPerDelivery: number;
  };
  /** A night after a school day, per student of the school (not per evaluated student). */
  night: {
    readUnitsPerStudent: number;
    writeUnitsPerStudent: number;
    msPerStudent: number;
    mailsPerStudent: number;
    eventsPerStudent: number;
  };
  /** A night with nothing new (weekends, holidays: the schedule fires every day). */
  idleNight: { readUnitsPerStudent: number; writeUnitsPerStudent: number; msPerStudent: number };
  storage: {
    /** Table plus index bytes (with DynamoDB's 100 B per item) per student and school year. */
    lessonBytesPerStudentYear: number;
    otherBytesPerStudentYear: number;
    /** gzip size of the lesson items' JSON over their bytes with index copies (the archive's compression). */
    archiveCompression: number;
    /**
     * The table's own share of those bytes, without the global secondary indexes' copies: PITR is
     * charged on the table and its local indexes only (DynamoDB developer guide, "Enable
     * point-in-time recovery": "based on the size of each DynamoDB table, including table data and
     * local secondary indexes").
     */
    lessonTableShare: number;
    otherTableShare: number;
  };
  dashboard: Dashboard;
}

/** What is not measured here, each a named figure (docs/deploy.md lists them). */
export interface Assumptions {
  schoolDaysPerMonth: number;
  nightsPerMonth: number;
  /** Average years a student is enrolled (MBO courses take 1 to 4). */
  courseYears: number;
  /** Lessons leave the hot table this many years after they were given (the archive). */
  archiveAfterYears: number;
  staffPerStudent: number;
  apiCallsPerStaffDay: number;
  apiReadUnitsPerCall: number;
  apiMsPerCall: number;
  pageLoadsPerStaffDay: number;
  /** Dashboard releases a month: each makes every staff member's browser fetch the new bundle once. */
  releasesPerMonth: number;
  /** An API answer's bytes (JSON, not compressed: the API's behaviour caches nothing, so CloudFront passes it as it comes). */
  apiBytesPerCall: number;
  logBytesPerInvocation: number;
  logBytesPerApiRequest: number;
  /** CloudWatch bills stored logs compressed. */
  logStorageCompression: number;
  studentsPerShard: number;
  transitionsPerShard: number;
  transitionsPerRun: number;
  sqsRequestsPerMail: number;
  /** Requests the pollers of one SQS event source make in a month with nothing to read. */
  sqsIdlePollsPerMappingMonth: number;
  /** Federated staff (Entra ID through Cognito): priced as a separate line when true. */
  federatedStaff: boolean;
}

export type Year = 'year 1' | 'steady state';

export interface Size {
  students: number;
  year: Year;
  /** Lessons older than `archiveAfterYears` leave the table for S3 (compressed). */
  archive: boolean;
}

export interface Line {
  service: string;
  /** At list price. */
  usd: number;
  /** With AWS's always-free tiers taken off (an account that runs nothing else). */
  usdAfterFreeTiers: number;
  detail: string;
}

export interface Bill {
  size: Size;
  lines: Line[];
  total: number;
  /** A separate figure: the goal is judged on `total`, the list-price bill. */
  totalAfterFreeTiers: number;
  dominant: Line;
}

/** A quantity at a unit price, and how much of that quantity an always-free tier covers. */
export interface Charge {
  quantity: number;
  usdPerUnit: number;
  free?: number;
}

/** What charges cost at list price and with their free tiers: under its tier 0, over it the excess. */
export function priceCharges(charges: Charge[]): { usd: number; usdAfterFreeTiers: number } {
  return {
    usd: charges.reduce((n, c) => n + c.quantity * c.usdPerUnit, 0),
    usdAfterFreeTiers: charges.reduce(
      (n, c) => n + Math.max(0, c.quantity - (c.free ?? 0)) * c.usdPerUnit,
      0,
    ),
  };
}

const GB = 1024 ** 3;
const MILLION = 1_000_000;

/**
 * Student-years of data the table holds per enrolled student, at the end of a school year. Year
 * 1: one. Steady state: a student-year written in enrolment year k of E stays until R years
 * after the student left, (E - k) + R + 1 years in all; on average over k that is
 * R + (E + 1) / 2, and with constant enrolment that many student-years are kept per student.
 */
export function keptStudentYears(year: Year, retentionYears: number, courseYears: number): number {
  return year === 'year 1' ? 1 : retentionYears + (courseYears + 1) / 2;
}

const memoryGbOf = (deployed: Deployed, service: string, fallbackMb: number): number => {
  const matching = deployed.functions.filter((f) => f.service.includes(service));
  return Math.max(0, ...matching.map((f) => f.memoryMb), matching.length ? 0 : fallbackMb) / 1024;
};

const money = (n: number) => `$${n.toFixed(2)}`;
const fmt = (n: number) =>
  n >= MILLION ? `${(n / MILLION).toFixed(2)} M` : n >= 1000 ? `${(n / 1000).toFixed(1)} k` : n.toFixed(1);

/**
 * The bill of one size. `free`: AWS's always-free tiers, taken off in each line's
 * `usdAfterFreeTiers` only; `usd` and `total` stay at list price.
 */
export function bill(
  measured: Measured,
  deployed: Deployed,
  prices: Prices,
  assume: Assumptions,
  size: Size,
  free?: FreeTiers,
): Bill {
  const { students } = size;
  const lines: Line[] = [];
  const add = (service: string, charges: Charge[], detail: string) =>
    lines.push({ service, ...priceCharges(charges), detail });
  const tier = (name: keyof FreeTiers) => free?.[name].amount ?? 0;
  const perMillion = (price: { usd: number }) => price.usd / MILLION;
  const dynamo = deployed.infrequentAccess
    ? {
        write: prices.dynamoIaWritePerMillion,
        read: prices.dynamoIaReadPerMillion,
        storage: prices.dynamoIaStoragePerGbMonth,
        freeStorageGb: 0,
      }
    : {
        write: prices.dynamoWritePerMillion,
        read: prices.dynamoReadPerMillion,
        storage: prices.dynamoStoragePerGbMonth,
        freeStorageGb: tier('dynamoStandardStorageGb'),
      };

  const schoolNights = assume.schoolDaysPerMonth;
  const idleNights = Math.max(0, assume.nightsPerMonth - schoolNights);
  const lessons = students * measured.lessonsPerStudentDay * assume.schoolDaysPerMonth;
  const deliveries = lessons * measured.ingest.deliveriesPerLesson;
  const staff = students * assume.staffPerStudent;
  const apiCalls = staff * assume.apiCallsPerStaffDay * assume.schoolDaysPerMonth;
  const pageLoads = staff * assume.pageLoadsPerStaffDay * assume.schoolDaysPerMonth;
  const mails = students * measured.night.mailsPerStudent * schoolNights;

  // DynamoDB requests (on-demand: billed per unit consumed).
  const writeUnits =
    lessons * measured.ingest.writeUnitsPerLesson +
    students *
      (measured.night.writeUnitsPerStudent * schoolNights +
        measured.idleNight.writeUnitsPerStudent * idleNights);
  const readUnits =
    lessons * measured.ingest.readUnitsPerLesson +
    students *
      (measured.night.readUnitsPerStudent * schoolNights +
        measured.idleNight.readUnitsPerStudent * idleNights) +
    apiCalls * assume.apiReadUnitsPerCall;
  add(
    'DynamoDB writes',
    [{ quantity: writeUnits, usdPerUnit: perMillion(dynamo.write) }],
    `${fmt(writeUnits)} WRU (table + indexes)`,
  );
  add(
    'DynamoDB reads',
    [{ quantity: readUnits, usdPerUnit: perMillion(dynamo.read) }],
    `${fmt(readUnits)} RRU`,
  );

  // Storage: what the table keeps, by the years kept; lessons only up to the archive's age.
  const kept = keptStudentYears(size.year, deployed.retentionYears, assume.courseYears);
  const hotLessonYears = size.archive ? Math.min(kept, assume.archiveAfterYears) : kept;
  const archivedLessonYears = kept - hotLessonYears;
  const tableBytes =
    students *
    (kept * measured.storage.otherBytesPerStudentYear +
      hotLessonYears * measured.storage.lessonBytesPerStudentYear);
  const tableGb = tableBytes / GB;
  add(
    'DynamoDB storage',
    [{ quantity: tableGb, usdPerUnit: dynamo.storage.usd, free: dynamo.freeStorageGb }],
    `${tableGb.toFixed(1)} GB (${kept.toFixed(1)} student-years kept, lessons ${hotLessonYears.toFixed(2)})`,
  );
  const backedUpGb =
    (students *
      (kept * measured.storage.otherBytesPerStudentYear * measured.storage.otherTableShare +
        hotLessonYears * measured.storage.lessonBytesPerStudentYear * measured.storage.lessonTableShare)) /
    GB;
  add(
    'DynamoDB PITR',
    [{ quantity: deployed.pitr ? backedUpGb : 0, usdPerUnit: prices.dynamoPitrPerGbMonth.usd }],
    deployed.pitr ? `on ${backedUpGb.toFixed(1)} GB (the table without its global indexes)` : 'off',
  );
  if (size.archive || deployed.archiveBuckets > 0) {
    const archiveGb =
      (students *
        archivedLessonYears *
        measured.storage.lessonBytesPerStudentYear *
        measured.storage.archiveCompression) /
      GB;
    add(
      'S3 archive (Glacier IR)',
      [{ quantity: archiveGb, usdPerUnit: prices.s3GlacierIrPerGbMonth.usd }],
      `${archiveGb.toFixed(2)} GB compressed (${archivedLessonYears.toFixed(2)} student-years of lessons)`,
    );
  }

  // Lambda: GB-seconds at each function's configured memory, and requests.
  const webhookGbS =
    (deliveries * measured.ingest.msPerDelivery * memoryGbOf(deployed, 'webhook', 512)) / 1000;
  const nightlyGbS =
    (students *
      (measured.night.msPerStudent * schoolNights + measured.idleNight.msPerStudent * idleNights) *
      memoryGbOf(deployed, 'nightly', 1024)) /
    1000;
  const apiGbS = (apiCalls * assume.apiMsPerCall * memoryGbOf(deployed, 'api', 1024)) / 1000;
  const shards = Math.ceil(students / assume.studentsPerShard);
  const invocations =
    deliveries + apiCalls + assume.nightsPerMonth * (deployed.stateMachines > 0 ? shards + 2 : 1);
  const gbS = webhookGbS + nightlyGbS + apiGbS;
  add(
    'Lambda',
    [
      { quantity: gbS, usdPerUnit: prices.lambdaArmPerGbSecond.usd, free: tier('lambdaGbSeconds') },
      {
        quantity: invocations,
        usdPerUnit: perMillion(prices.lambdaPerMillionRequests),
        free: tier('lambdaRequests'),
      },
    ],
    `${fmt(gbS)} GB-s (webhook ${fmt(webhookGbS)}, nightly ${fmt(nightlyGbS)}, API ${fmt(apiGbS)}), ${fmt(invocations)} invocations`,
  );
  add(
    'API Gateway HTTP API',
    [{ quantity: deliveries + apiCalls, usdPerUnit: perMillion(prices.httpApiPerMillion) }],
    `${fmt(deliveries)} deliveries + ${fmt(apiCalls)} dashboard calls`,
  );
  add('SES', [{ quantity: mails, usdPerUnit: prices.sesPer1000Mails.usd / 1000 }], `${fmt(mails)} mails`);
  if (deployed.stateMachines > 0) {
    const transitions =
      assume.nightsPerMonth * (assume.transitionsPerRun + shards * assume.transitionsPerShard);
    add(
      'Step Functions',
      [
        {
          quantity: transitions,
          usdPerUnit: prices.sfnStandardPer1000Transitions.usd / 1000,
          free: tier('sfnTransitions'),
        },
      ],
      `${fmt(transitions)} transitions (${shards} shards a night)`,
    );
  }
  if (deployed.sqsMappings > 0) {
    const requests =
      mails * assume.sqsRequestsPerMail + deployed.sqsMappings * assume.sqsIdlePollsPerMappingMonth;
    add(
      'SQS',
      [
        {
          quantity: requests,
          usdPerUnit: perMillion(prices.sqsStandardPerMillion),
          free: tier('sqsRequests'),
        },
      ],
      `${fmt(requests)} requests`,
    );
  }

  // CloudFront: a page load revalidates index.html and fetches config.json; the content-hashed
  // bundle is cached a year, so each staff member's browser fetches it once per release; the
  // API's answers pass through the same distribution (/api/*).
  const { dashboard } = measured;
  const bundleFetches = staff * assume.releasesPerMonth;
  const siteRequests = pageLoads * dashboard.entryRequests + bundleFetches * dashboard.bundleRequests;
  const edgeRequests = siteRequests + apiCalls;
  const siteGb = (pageLoads * dashboard.entryBytes + bundleFetches * dashboard.bundleBytes) / GB;
  const apiGb = (apiCalls * assume.apiBytesPerCall) / GB;
  const functionRuns = siteRequests * deployed.viewerFunctions;
  add(
    'CloudFront',
    [
      { quantity: siteGb + apiGb, usdPerUnit: prices.cloudFrontPerGb.usd, free: tier('cloudFrontGb') },
      {
        quantity: edgeRequests,
        usdPerUnit: prices.cloudFrontPer10kHttps.usd / 10_000,
        free: tier('cloudFrontRequests'),
      },
      {
        quantity: functionRuns,
        usdPerUnit: perMillion(prices.cloudFrontFunctionPerMillion),
        free: tier('cloudFrontFunctionInvocations'),
      },
    ],
    `${(siteGb + apiGb).toFixed(2)} GB (dashboard ${siteGb.toFixed(2)}, API ${apiGb.toFixed(2)}), ${fmt(edgeRequests)} requests (${fmt(apiCalls)} API), ${fmt(functionRuns)} function runs`,
  );
  const events = students * measured.night.eventsPerStudent * schoolNights;
  const scheduled = deployed.schedules * assume.nightsPerMonth;
  add(
    'EventBridge',
    [
      { quantity: events, usdPerUnit: perMillion(prices.eventBridgeCustomPerMillion) },
      {
        quantity: scheduled,
        usdPerUnit: perMillion(prices.schedulerPerMillion),
        free: tier('schedulerInvocations'),
      },
    ],
    `${fmt(events)} events, ${scheduled} scheduled runs`,
  );
  const logGb =
    (invocations * assume.logBytesPerInvocation + (deliveries + apiCalls) * assume.logBytesPerApiRequest) /
    GB;
  const storedLogGb = logGb * (deployed.logRetentionDays / 30) * assume.logStorageCompression;
  add(
    'CloudWatch',
    [
      { quantity: logGb, usdPerUnit: prices.logsIngestPerGb.usd, free: tier('logsGb') },
      { quantity: storedLogGb, usdPerUnit: prices.logsStoragePerGbMonth.usd },
      { quantity: deployed.alarmMetrics, usdPerUnit: prices.alarmPerMonth.usd, free: tier('alarms') },
    ],
    `${logGb.toFixed(2)} GB logs, ${deployed.alarms} alarms (${deployed.alarmMetrics} alarm metrics)`,
  );
  const mau = deployed.userPools > 0 ? staff : 0;
  add(
    assume.federatedStaff ? 'Cognito (federated)' : 'Cognito',
    assume.federatedStaff
      ? [
          {
            quantity: Math.max(0, mau - prices.cognitoFederatedFreeMau.usd),
            usdPerUnit: prices.cognitoFederatedPerMau.usd,
          },
        ]
      : [
          {
            quantity: Math.max(0, mau - prices.cognitoEssentialsFreeMau.usd),
            usdPerUnit: prices.cognitoEssentialsPerMau.usd,
          },
        ],
    `${fmt(staff)} staff MAU`,
  );
  add(
    'WAF',
    [
      { quantity: deployed.webAcls, usdPerUnit: prices.wafWebAclPerMonth.usd },
      { quantity: deployed.wafRules, usdPerUnit: prices.wafRulePerMonth.usd },
      { quantity: edgeRequests, usdPerUnit: perMillion(prices.wafPerMillionRequests) },
    ],
    `${deployed.webAcls} web ACL, ${deployed.wafRules} rules, ${fmt(edgeRequests)} requests`,
  );
  add(
    'Secrets Manager',
    [{ quantity: deployed.secrets, usdPerUnit: prices.secretPerMonth.usd }],
    `${deployed.secrets} secrets`,
  );

  const total = lines.reduce((n, l) => n + l.usd, 0);
  const totalAfterFreeTiers = lines.reduce((n, l) => n + l.usdAfterFreeTiers, 0);
  const dominant = lines.reduce((a, b) => (b.usd > a.usd ? b : a));
  return { size, lines, total, totalAfterFreeTiers, dominant };
}

/**
 * The part of a bill that does not depend on the number of students (the bill of a school of
 * none: the firewall's web ACL and rules, alarms, secrets, idle queue polls, the nights' fixed
 * transitions) and the rest per 1,000 students, so that fixed + per 1,000 x thousands = the bill
 * of this size. Averaged over the size: Cognito's free users and whole shards make it not quite
 * linear.
 */
export function fixedAndPerStudent(
  measured: Measured,
  deployed: Deployed,
  prices: Prices,
  assume: Assumptions,
  size: Size,
): { fixedUsd: number; per1000Usd: number; fixedLines: Line[] } {
  const none = bill(measured, deployed, prices, assume, { ...size, students: 0 });
  const sized = bill(measured, deployed, prices, assume, size);
  return {
    fixedUsd: none.total,
    per1000Usd: size.students > 0 ? ((sized.total - none.total) / size.students) * 1000 : 0,
    fixedLines: none.lines.filter((l) => l.usd > 0),
  };
}

export const formatUsd = money;
