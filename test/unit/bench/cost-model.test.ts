import { describe, expect, it } from 'vitest';
import {
  type Assumptions,
  bill,
  type Deployed,
  keptStudentYears,
  type Measured,
} from '../../../scripts/bench/cost-model';
import { indexWriteUnits } from '../../../scripts/bench/index-writes';
import { itemSize } from '../../../scripts/bench/item-size';
import { PRICES, type Prices } from '../../../scripts/bench/prices';

const MIB = 1024 ** 2;

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
  mbPerPageLoad: 0,
  requestsPerPageLoad: 0,
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
  { archive = false, measuredAs = measured, deployedAs = deployed } = {},
) => bill(measuredAs, deployedAs, prices, assume, { students, year, archive });

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
