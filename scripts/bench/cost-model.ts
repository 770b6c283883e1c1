import type { Prices } from './prices';

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
  mbPerPageLoad: number;
  requestsPerPageLoad: number;
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
  usd: number;
  detail: string;
}

export interface Bill {
  size: Size;
  lines: Line[];
  total: number;
  dominant: Line;
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

export function bill(
  measured: Measured,
  deployed: Deployed,
  prices: Prices,
  assume: Assumptions,
  size: Size,
): Bill {
  const { students } = size;
  const lines: Line[] = [];
  const add = (service: string, usd: number, detail: string) => lines.push({ service, usd, detail });
  const dynamo = deployed.infrequentAccess
    ? {
        write: prices.dynamoIaWritePerMillion,
        read: prices.dynamoIaReadPerMillion,
        storage: prices.dynamoIaStoragePerGbMonth,
      }
    : {
        write: prices.dynamoWritePerMillion,
        read: prices.dynamoReadPerMillion,
        storage: prices.dynamoStoragePerGbMonth,
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
    (writeUnits / MILLION) * dynamo.write.usd,
    `${fmt(writeUnits)} WRU (table + indexes)`,
  );
  add('DynamoDB reads', (readUnits / MILLION) * dynamo.read.usd, `${fmt(readUnits)} RRU`);

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
    tableGb * dynamo.storage.usd,
    `${tableGb.toFixed(1)} GB (${kept.toFixed(1)} student-years kept, lessons ${hotLessonYears.toFixed(2)})`,
  );
  const backedUpGb =
    (students *
      (kept * measured.storage.otherBytesPerStudentYear * measured.storage.otherTableShare +
        hotLessonYears * measured.storage.lessonBytesPerStudentYear * measured.storage.lessonTableShare)) /
    GB;
  add(
    'DynamoDB PITR',
    deployed.pitr ? backedUpGb * prices.dynamoPitrPerGbMonth.usd : 0,
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
      archiveGb * prices.s3GlacierIrPerGbMonth.usd,
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
    gbS * prices.lambdaArmPerGbSecond.usd + (invocations / MILLION) * prices.lambdaPerMillionRequests.usd,
    `${fmt(gbS)} GB-s (webhook ${fmt(webhookGbS)}, nightly ${fmt(nightlyGbS)}, API ${fmt(apiGbS)}), ${fmt(invocations)} invocations`,
  );
  add(
    'API Gateway HTTP API',
    ((deliveries + apiCalls) / MILLION) * prices.httpApiPerMillion.usd,
    `${fmt(deliveries)} deliveries + ${fmt(apiCalls)} dashboard calls`,
  );
  add('SES', (mails / 1000) * prices.sesPer1000Mails.usd, `${fmt(mails)} mails`);
  if (deployed.stateMachines > 0) {
    const transitions =
      assume.nightsPerMonth * (assume.transitionsPerRun + shards * assume.transitionsPerShard);
    add(
      'Step Functions',
      (transitions / 1000) * prices.sfnStandardPer1000Transitions.usd,
      `${fmt(transitions)} transitions (${shards} shards a night)`,
    );
  }
  if (deployed.sqsMappings > 0) {
    const requests =
      mails * assume.sqsRequestsPerMail + deployed.sqsMappings * assume.sqsIdlePollsPerMappingMonth;
    add('SQS', (requests / MILLION) * prices.sqsStandardPerMillion.usd, `${fmt(requests)} requests`);
  }
  const transferGb = (pageLoads * assume.mbPerPageLoad) / 1024;
  const edgeRequests = pageLoads * assume.requestsPerPageLoad + apiCalls;
  add(
    'CloudFront',
    transferGb * prices.cloudFrontPerGb.usd + (edgeRequests / 10_000) * prices.cloudFrontPer10kHttps.usd,
    `${transferGb.toFixed(1)} GB, ${fmt(edgeRequests)} requests`,
  );
  const events = students * measured.night.eventsPerStudent * schoolNights;
  add(
    'EventBridge',
    (events / MILLION) * prices.eventBridgeCustomPerMillion.usd +
      ((deployed.schedules * assume.nightsPerMonth) / MILLION) * prices.schedulerPerMillion.usd,
    `${fmt(events)} events, ${deployed.schedules * assume.nightsPerMonth} scheduled runs`,
  );
  const logGb =
    (invocations * assume.logBytesPerInvocation + (deliveries + apiCalls) * assume.logBytesPerApiRequest) /
    GB;
  const storedLogGb = logGb * (deployed.logRetentionDays / 30) * assume.logStorageCompression;
  add(
    'CloudWatch',
    logGb * prices.logsIngestPerGb.usd +
      storedLogGb * prices.logsStoragePerGbMonth.usd +
      deployed.alarms * prices.alarmPerMonth.usd,
    `${logGb.toFixed(2)} GB logs, ${deployed.alarms} alarms`,
  );
  add(
    assume.federatedStaff ? 'Cognito (federated)' : 'Cognito',
    deployed.userPools > 0
      ? assume.federatedStaff
        ? Math.max(0, staff - prices.cognitoFederatedFreeMau.usd) * prices.cognitoFederatedPerMau.usd
        : Math.max(0, staff - prices.cognitoEssentialsFreeMau.usd) * prices.cognitoEssentialsPerMau.usd
      : 0,
    `${fmt(staff)} staff MAU`,
  );
  add(
    'WAF',
    deployed.webAcls * prices.wafWebAclPerMonth.usd +
      deployed.wafRules * prices.wafRulePerMonth.usd +
      (edgeRequests / MILLION) * prices.wafPerMillionRequests.usd,
    `${deployed.webAcls} web ACL, ${deployed.wafRules} rules, ${fmt(edgeRequests)} requests`,
  );
  add('Secrets Manager', deployed.secrets * prices.secretPerMonth.usd, `${deployed.secrets} secrets`);

  const total = lines.reduce((n, l) => n + l.usd, 0);
  const dominant = lines.reduce((a, b) => (b.usd > a.usd ? b : a));
  return { size, lines, total, dominant };
}

export const formatUsd = money;
