import { describe, expect, it } from 'vitest';
import {
  type Assumptions,
  bill,
  type Dashboard,
  type Deployed,
  fixedAndPerStudent,
  keptStudentYears,
  type Measured,
} from '../../../scripts/bench/cost-model';
import { indexWriteUnits } from '../../../scripts/bench/index-writes';
import { itemSize } from '../../../scripts/bench/item-size';
import { FREE_TIERS, type FreeTiers, PRICES, type Prices } from '../../../scripts/bench/prices';

const KIB = 1024;
const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

/** Round prices, so that every expected figure below is computed by hand. */
const { region: _region, ...listPrices } = PRICES;
const prices: Prices = Object.fromEntries(
  Object.entries(listPrices).map(([name, price]) => [name, { ...price, usd: 0 }]),
) as Prices;
const set = (name: keyof Prices, usd: number) => {
  prices[name] = { ...prices[name], usd };
};
set('dynamoWritePerMillion', 1);
set('dynamoReadPerMillion', 0.5);
set('dynamoStoragePerGbMonth', 0.25);
set('dynamoPitrPerGbMonth', 0.2);
set('dynamoIaWritePerMillion', 1.25);
set('dynamoIaReadPerMillion', 0.625);
set('dynamoIaStoragePerGbMonth', 0.1);
set('s3GlacierIrPerGbMonth', 0.005);
set('cognitoEssentialsPerMau', 0.015);
set('cognitoEssentialsFreeMau', 10_000);
set('lambdaArmPerGbSecond', 0.00001);
set('cloudFrontPerGb', 0.1);
set('cloudFrontPer10kHttps', 0.01);
set('cloudFrontFunctionPerMillion', 0.5);
set('wafWebAclPerMonth', 5);
set('wafRulePerMonth', 1);
set('alarmPerMonth', 0.1);
set('secretPerMonth', 0.4);
set('sqsStandardPerMillion', 0.4);
set('sfnStandardPer1000Transitions', 0.025);

const measured: Measured = {
  lessonsPerStudentDay: 5,
  ingest: { writeUnitsPerLesson: 2, readUnitsPerLesson: 1, deliveriesPerLesson: 0.04, msPerDelivery: 100 },
  night: {
    readUnitsPerStudent: 3,
    writeUnitsPerStudent: 1,
    msPerStudent: 10,
    mailsPerStudent: 0.05,
    eventsPerStudent: 0,
  },
  idleNight: { readUnitsPerStudent: 0.1, writeUnitsPerStudent: 0.5, msPerStudent: 1 },
  storage: {
    lessonBytesPerStudentYear: MIB,
    otherBytesPerStudentYear: 0,
    archiveCompression: 0.1,
    lessonTableShare: 1,
    otherTableShare: 1,
  },
  dashboard: { source: 'test', entryBytes: 0, entryRequests: 0, bundleBytes: 0, bundleRequests: 0 },
};

const deployed: Deployed = {
  functions: [
    { service: 'presentie-webhook', memoryMb: 512, arm64: true },
    { service: 'presentie-nightly', memoryMb: 1024, arm64: true },
    { service: 'presentie-api', memoryMb: 1024, arm64: true },
  ],
  onDemand: true,
  infrequentAccess: false,
  pitr: true,
  alarms: 0,
  alarmMetrics: 0,
  logGroups: 0,
  logRetentionDays: 0,
  stateMachines: 0,
  sqsMappings: 0,
  secrets: 0,
  webAcls: 0,
  wafRules: 0,
  userPools: 1,
  schedules: 0,
  archiveBuckets: 0,
  retentionYears: 5,
  cloudFrontCompress: true,
  viewerFunctions: 0,
};

const assume: Assumptions = {
  schoolDaysPerMonth: 20,
  nightsPerMonth: 30,
  courseYears: 3,
  archiveAfterYears: 1.25,
  staffPerStudent: 0.06,
  apiCallsPerStaffDay: 0,
  apiReadUnitsPerCall: 0,
  apiMsPerCall: 0,
  pageLoadsPerStaffDay: 0,
  releasesPerMonth: 0,
  apiBytesPerCall: 0,
  logBytesPerInvocation: 0,
  logBytesPerApiRequest: 0,
  logStorageCompression: 0,
  studentsPerShard: 500,
  transitionsPerShard: 4,
  transitionsPerRun: 10,
  sqsRequestsPerMail: 3,
  sqsIdlePollsPerMappingMonth: 0,
  federatedStaff: false,
};

/** The bill of `students` in `year`, with the fixtures above unless a test changes one. */
const billOf = (
  students: number,
  year: 'year 1' | 'steady state',
  {
    archive = false,
    measuredAs = measured,
    deployedAs = deployed,
    assumeAs = assume,
    free = undefined as FreeTiers | undefined,
  } = {},
) => bill(measuredAs, deployedAs, prices, assumeAs, { students, year, archive }, free);

/** Free tiers of the given amounts, none for the rest. */
const freeTiers = (amounts: Partial<Record<keyof FreeTiers, number>>): FreeTiers =>
  Object.fromEntries(
    Object.entries(FREE_TIERS).map(([name, tier]) => [
      name,
      { ...tier, amount: amounts[name as keyof FreeTiers] ?? 0 },
    ]),
  ) as FreeTiers;

const usd = (b: ReturnType<typeof bill>, service: string) => b.lines.find((l) => l.service === service)?.usd;

describe('the cost model', () => {
  it('keeps one student-year in year 1 and the retention plus half a course at steady state', () => {
    expect(keptStudentYears('year 1', 5, 3)).toBe(1);
    // (E - k) + R + 1 for k = 1..3 with R = 5: 8, 7, 6, on average 7.
    expect(keptStudentYears('steady state', 5, 3)).toBe(7);
  });

  it('prices storage and PITR by the table size, which grows from year 1 to steady state', () => {
    const year1 = billOf(1024, 'year 1');
    const steady = billOf(1024, 'steady state');
    // 1024 students x 1 MiB a year = 1 GiB in year 1, 7 GiB at steady state.
    expect(usd(year1, 'DynamoDB storage')).toBeCloseTo(0.25, 10);
    expect(usd(year1, 'DynamoDB PITR')).toBeCloseTo(0.2, 10);
    expect(usd(steady, 'DynamoDB storage')).toBeCloseTo(1.75, 10);
    expect(usd(steady, 'DynamoDB PITR')).toBeCloseTo(1.4, 10);
    const noPitr = billOf(1024, 'steady state', { deployedAs: { ...deployed, pitr: false } });
    expect(usd(noPitr, 'DynamoDB PITR')).toBe(0);
  });

  it('prices a Standard-IA table at its own rates: storage cheaper, request units dearer, PITR the same', () => {
    const standard = billOf(1024, 'steady state');
    const ia = billOf(1024, 'steady state', { deployedAs: { ...deployed, infrequentAccess: true } });
    const line = (b: typeof ia, service: string) => usd(b, service) ?? Number.NaN;
    expect(line(ia, 'DynamoDB storage')).toBeCloseTo(line(standard, 'DynamoDB storage') * 0.4, 10);
    expect(line(ia, 'DynamoDB writes')).toBeCloseTo(line(standard, 'DynamoDB writes') * 1.25, 10);
    expect(line(ia, 'DynamoDB reads')).toBeCloseTo(line(standard, 'DynamoDB reads') * 1.25, 10);
    expect(usd(ia, 'DynamoDB PITR')).toBe(usd(standard, 'DynamoDB PITR'));
  });

  it('backs up the table without its global indexes: PITR follows the table share, storage the whole', () => {
    const halfInIndexes = { ...measured, storage: { ...measured.storage, lessonTableShare: 0.5 } };
    const steady = billOf(1024, 'steady state', { measuredAs: halfInIndexes });
    expect(usd(steady, 'DynamoDB storage')).toBeCloseTo(1.75, 10);
    expect(usd(steady, 'DynamoDB PITR')).toBeCloseTo(0.7, 10);
  });

  it('with the archive keeps only the young lessons hot and prices the rest in S3, compressed', () => {
    const archived = billOf(1024, 'steady state', { archive: true });
    // Hot: 1.25 GiB; PITR follows it. Archive: (7 - 1.25) GiB x 0.1 x $0.005.
    expect(usd(archived, 'DynamoDB storage')).toBeCloseTo(1.25 * 0.25, 10);
    expect(usd(archived, 'DynamoDB PITR')).toBeCloseTo(1.25 * 0.2, 10);
    expect(usd(archived, 'S3 archive (Glacier IR)')).toBeCloseTo(5.75 * 0.1 * 0.005, 10);
  });

  it('adds ingestion, school nights and idle nights into write and read units', () => {
    const b = billOf(1000, 'year 1');
    // Lessons: 1000 x 5 x 20 = 100,000 x 2 WRU; nights: 1000 x (1 x 20 + 0.5 x 10) = 25,000.
    expect(usd(b, 'DynamoDB writes')).toBeCloseTo(0.225, 10);
    // 100,000 x 1 + 1000 x (3 x 20 + 0.1 x 10) = 161,000 RRU at $0.5 a million.
    expect(usd(b, 'DynamoDB reads')).toBeCloseTo(0.0805, 10);
    // Lambda GB-s: deliveries 4,000 x 0.1 s x 0.5 GB = 200; nights 1000 x (0.01 x 20 + 0.001 x 10) x 1 GB = 210.
    expect(usd(b, 'Lambda')).toBeCloseTo(410 * 0.00001, 10);
  });

  it('charges Cognito only for staff beyond the free monthly active users, and names the dominant line', () => {
    const small = billOf(1000, 'year 1');
    const large = billOf(200_000, 'year 1');
    expect(usd(small, 'Cognito')).toBe(0);
    expect(usd(large, 'Cognito')).toBeCloseTo((12_000 - 10_000) * 0.015, 10);
    const steady = billOf(200_000, 'steady state');
    expect(steady.dominant.service).toBe('DynamoDB storage');
    expect(steady.total).toBeCloseTo(
      steady.lines.reduce((n, l) => n + l.usd, 0),
      10,
    );
  });
});

describe("the cost model's CloudFront line", () => {
  const dashboard: Dashboard = {
    source: 'test',
    entryBytes: 4 * KIB,
    entryRequests: 2,
    bundleBytes: 256 * KIB,
    bundleRequests: 5,
  };
  const web = {
    measuredAs: { ...measured, dashboard },
    deployedAs: { ...deployed, viewerFunctions: 1 },
    assumeAs: {
      ...assume,
      pageLoadsPerStaffDay: 2,
      releasesPerMonth: 2,
      apiCallsPerStaffDay: 10,
      apiBytesPerCall: 4 * KIB,
    },
  };

  it('charges each page load the entry files, each staff member the bundle once per release, and every API answer', () => {
    const b = billOf(1000, 'year 1', web);
    // 60 staff: 2,400 page loads, 120 bundle fetches (2 releases), 12,000 API calls.
    const bytes = 2400 * 4 * KIB + 120 * 256 * KIB + 12_000 * 4 * KIB;
    const requests = 2400 * 2 + 120 * 5 + 12_000;
    // The viewer-request function runs on the dashboard's requests, not on the API's.
    const functionRuns = 2400 * 2 + 120 * 5;
    expect(usd(b, 'CloudFront')).toBeCloseTo(
      (bytes / GIB) * 0.1 + (requests / 10_000) * 0.01 + (functionRuns / 1_000_000) * 0.5,
      12,
    );
  });

  it('adds one bundle per staff member for a release more, and only the entry files for a page load more', () => {
    const base = usd(billOf(1000, 'year 1', web), 'CloudFront') ?? Number.NaN;
    const moreReleases = billOf(1000, 'year 1', {
      ...web,
      assumeAs: { ...web.assumeAs, releasesPerMonth: 3 },
    });
    const morePageLoads = billOf(1000, 'year 1', {
      ...web,
      assumeAs: { ...web.assumeAs, pageLoadsPerStaffDay: 3 },
    });
    expect((usd(moreReleases, 'CloudFront') ?? Number.NaN) - base).toBeCloseTo(
      60 * ((256 * KIB * 0.1) / GIB + (5 * 0.01) / 10_000 + (5 * 0.5) / 1_000_000),
      12,
    );
    // 60 staff x 20 school days more page loads, each 4 KiB in 2 requests.
    expect((usd(morePageLoads, 'CloudFront') ?? Number.NaN) - base).toBeCloseTo(
      1200 * ((4 * KIB * 0.1) / GIB + (2 * 0.01) / 10_000 + (2 * 0.5) / 1_000_000),
      12,
    );
  });
});

describe('the fixed part of the bill and the part per student', () => {
  const withFixed: Deployed = {
    ...deployed,
    webAcls: 1,
    wafRules: 2,
    // 11 alarms, one of them metric math over two metrics: billed as 12 alarm metrics.
    alarms: 11,
    alarmMetrics: 12,
    secrets: 1,
    sqsMappings: 1,
  };
  const idlePolls = { ...assume, sqsIdlePollsPerMappingMonth: 648_000 };

  it('counts in the fixed part what a school of no students pays: the web ACL and rules, alarms, secrets, idle polls', () => {
    const shape = fixedAndPerStudent(measured, withFixed, prices, idlePolls, {
      students: 1000,
      year: 'year 1',
      archive: false,
    });
    expect(shape.fixedUsd).toBeCloseTo(5 + 2 * 1 + 12 * 0.1 + 0.4 + 0.648 * 0.4, 10);
    expect(shape.fixedLines.map((l) => l.service).sort()).toEqual([
      'CloudWatch',
      'SQS',
      'Secrets Manager',
      'WAF',
    ]);
  });

  it('prices a school of any size as the fixed part plus the part per 1,000 students', () => {
    const at = (students: number) =>
      bill(measured, withFixed, prices, idlePolls, { students, year: 'year 1', archive: false });
    const shape = fixedAndPerStudent(measured, withFixed, prices, idlePolls, {
      students: 1000,
      year: 'year 1',
      archive: false,
    });
    expect(shape.fixedUsd + shape.per1000Usd).toBeCloseTo(at(1000).total, 10);
    // Below Cognito's free users and without shards the bill is linear: 1,000 students more cost the same again.
    expect(at(3000).total - at(2000).total).toBeCloseTo(shape.per1000Usd, 10);
    expect(shape.fixedUsd + 3 * shape.per1000Usd).toBeCloseTo(at(3000).total, 10);
  });
});

describe("AWS's always-free tiers", () => {
  it('charges nothing for a line under its tier and only the excess over it, leaving the list-price total alone', () => {
    const machines = { ...deployed, stateMachines: 1, alarms: 12, alarmMetrics: 12 };
    const listed = billOf(1000, 'year 1', { deployedAs: machines });
    const free = billOf(1000, 'year 1', {
      deployedAs: machines,
      free: freeTiers({ sfnTransitions: 4000, lambdaGbSeconds: 400, alarms: 10 }),
    });
    const line = (service: string) => free.lines.find((l) => l.service === service);
    // 30 runs x (10 + 2 shards x 4) = 540 transitions, under the 4,000 free.
    expect(line('Step Functions')?.usd).toBeCloseTo(540 * 0.000025, 12);
    expect(line('Step Functions')?.usdAfterFreeTiers).toBe(0);
    // 410 GB-s (see above) of which 400 are free; 12 alarms of which 10 are free.
    expect(line('Lambda')?.usdAfterFreeTiers).toBeCloseTo(10 * 0.00001, 12);
    expect(line('CloudWatch')?.usdAfterFreeTiers).toBeCloseTo(2 * 0.1, 12);
    expect(free.total).toBeCloseTo(listed.total, 12);
    expect(free.totalAfterFreeTiers).toBeCloseTo(
      listed.total - 540 * 0.000025 - 400 * 0.00001 - 10 * 0.1,
      12,
    );
  });

  it("takes DynamoDB's free storage off a Standard table only", () => {
    const tiers = freeTiers({ dynamoStandardStorageGb: 25 });
    // 1024 x 1 MiB a year x 7 years kept = 7 GiB, under the 25 GB.
    const standard = billOf(1024, 'steady state', { free: tiers });
    const ia = billOf(1024, 'steady state', {
      free: tiers,
      deployedAs: { ...deployed, infrequentAccess: true },
    });
    const storage = (b: typeof ia) => b.lines.find((l) => l.service === 'DynamoDB storage');
    expect(storage(standard)?.usdAfterFreeTiers).toBe(0);
    expect(storage(ia)?.usdAfterFreeTiers).toBeCloseTo(storage(ia)?.usd ?? Number.NaN, 12);
    expect(storage(ia)?.usd).toBeGreaterThan(0);
  });
});

describe('what DynamoDB bills', () => {
  it('sizes an item by its names and values', () => {
    // "pk" 2 + "abc" 3, "n" 1 + 123 (3 digits: 2 + 1), "m" 1 + map (3 + "a" 1 + 1 + true 1)
    expect(itemSize({ pk: { S: 'abc' }, n: { N: '123' }, m: { M: { a: { BOOL: true } } } })).toBe(
      5 + 4 + 1 + 6,
    );
  });

  it('writes an index once when its key stays, twice when it moves, never when absent', () => {
    const item = { pk: 'REG#1', sk: 'REG', gsi1pk: 'STUREG#1', gsi1sk: '2026-09-01' };
    expect(indexWriteUnits(undefined, { pk: 'a', sk: 'b' })).toBe(0);
    expect(indexWriteUnits(undefined, item)).toBe(1);
    expect(indexWriteUnits(item, { ...item, status: 'absent' })).toBe(1);
    expect(indexWriteUnits(item, { ...item, gsi1sk: 'GONE' })).toBe(2);
    expect(indexWriteUnits(item, undefined)).toBe(1);
    expect(indexWriteUnits(undefined, { ...item, gsi2pk: 'x', gsi2sk: 'y', big: 'x'.repeat(1500) })).toBe(4);
  });
});
