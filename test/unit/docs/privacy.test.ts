/**
 * docs/privacy.md holds the one table of what is kept how long. This test reads that table and
 * compares each row with the code's own retention constants and infra's log retention, and checks
 * that every kind of item the store writes has a row: a changed TTL or a new item type without a
 * row fails here, so the page the school shows its inspectors cannot drift from what the code does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commonEnv } from '../../../functions/config';
import { KEPT_DAYS } from '../../../functions/store/event-outbox';
import { HINT_DAYS } from '../../../functions/store/luxury-hints';
import { NIGHTLY_FAILURE_YEARS } from '../../../functions/store/nightly-failures';
import { RUN_ITEM_DAYS } from '../../../functions/store/nightly-runs';
import { MAIL_RETENTION_SECONDS } from '../../../functions/store/outbox-repository';
import { DAY_SECONDS, PROVISIONAL_EXTRA_YEARS } from '../../../functions/store/retention';
import { DELIVERY_RECORD_DAYS, PENDING_DAYS } from '../../../functions/usecases/ingest/ingest-batch';
import { CHANGE_LOG_DAYS } from '../../../functions/usecases/ingest/write-registrations';
import { EIGHT_HOUR_LIST_SECONDS } from '../../../functions/usecases/nightly/signal8-list';
import { ARCHIVE_NONCURRENT_DAYS, archiveExpirationDays } from '../../../infra/constructs/lesson-archive';

const ROOT = join(__dirname, '../../..');
const doc = readFileSync(join(ROOT, 'docs/privacy.md'), 'utf8');

const plural = (n: number, unit: 'day' | 'year') => `${n} ${unit}${n === 1 ? '' : 's'}`;
const ttlDays = (n: number) => `TTL ${plural(n, 'day')}`;

/** CloudWatch retention of a construct, in days, read from its source (`RetentionDays.X`). */
function logDays(file: string): string {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const names = [...source.matchAll(/RetentionDays\.(\w+)/g)].map((m) => m[1]);
  const DAYS: Record<string, number> = {
    ONE_WEEK: 7,
    TWO_WEEKS: 14,
    ONE_MONTH: 30,
    TWO_MONTHS: 60,
    THREE_MONTHS: 90,
    SIX_MONTHS: 180,
    ONE_YEAR: 365,
  };
  expect(names.length, file).toBeGreaterThan(0);
  const days = new Set(names.map((n) => DAYS[n as string]));
  expect(days.size, `${file}: one retention`).toBe(1);
  return `logs ${plural([...days][0] as number, 'day')}`;
}

/** What the code does, per row key of the table (the item's `type`, or `type:kind`, `logs:where`). */
const CODE: Record<string, string> = {
  student: 'TTL student',
  registration: 'TTL student',
  'week-totals': 'TTL student',
  'lesson-archive': 'TTL student',
  's3:lessons': 'sweep with the marker',
  signals: 'TTL student',
  report: 'TTL student',
  task: 'TTL student',
  case: 'TTL student',
  letter: 'TTL student',
  audit: 'TTL student',
  'outflow-pending': 'TTL student',
  'task:signal8_list': ttlDays(EIGHT_HOUR_LIST_SECONDS / DAY_SECONDS),
  'audit:reader': 'TTL date + RETENTION_YEARS',
  mail: ttlDays(MAIL_RETENTION_SECONDS / DAY_SECONDS),
  'mail-link': ttlDays(MAIL_RETENTION_SECONDS / DAY_SECONDS),
  'task:undeliverable_mail': ttlDays(MAIL_RETENTION_SECONDS / DAY_SECONDS),
  'luxury-hint': ttlDays(HINT_DAYS),
  pending: ttlDays(PENDING_DAYS),
  'change-log': ttlDays(CHANGE_LOG_DAYS),
  'nightly-failure': `TTL ${plural(NIGHTLY_FAILURE_YEARS, 'year')}`,
  'night-marker': 'TTL student',
  'night-plan': ttlDays(RUN_ITEM_DAYS),
  'night-shard': ttlDays(RUN_ITEM_DAYS),
  'night-drafts': ttlDays(RUN_ITEM_DAYS),
  'night-settle': ttlDays(RUN_ITEM_DAYS),
  idempotency: ttlDays(DELIVERY_RECORD_DAYS),
  event: ttlDays(KEPT_DAYS),
  kpi: 'TTL date + RETENTION_YEARS',
  notice: 'TTL date + RETENTION_YEARS',
  'roster-version': 'none',
  orgunit: 'none',
  staff: 'none',
  'staff-sign-in': 'none',
  'sign-in': 'none',
  'staff-account': 'none',
  setting: 'none',
  'logs:functions': logDays('infra/constructs/handler-function.ts'),
  'logs:api-access': logDays('infra/constructs/http-api.ts'),
};

/** The retention table's rows: the keys in the first cell, the first code span of the last cell. */
function retentionRows(): Map<string, string> {
  const section = doc.split(/^## /m).find((s) => s.startsWith('Retention'));
  if (!section) throw new Error('docs/privacy.md has no "## Retention" section');
  const rows = new Map<string, string>();
  for (const line of section.split('\n').filter((l) => l.startsWith('| `'))) {
    const cells = line.split('|').map((c) => c.trim());
    const keys = [...(cells[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
    const enforced = /`([^`]+)`/.exec(cells.at(-2) ?? '')?.[1];
    if (!enforced) throw new Error(`no enforcement in row: ${line}`);
    for (const key of keys) {
      expect(rows.has(key), `${key} twice`).toBe(false);
      rows.set(key, enforced);
    }
  }
  return rows;
}

/** Every `type` tag the store writes on an item. */
function storedTypes(): Set<string> {
  const dir = join(ROOT, 'functions/store');
  const types = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const m of source.matchAll(/(?:\btype|':type'):\s*'([a-z-]+)'/g)) types.add(m[1] as string);
  }
  return types;
}

describe('docs/privacy.md, the retention table', () => {
  it("states the archive bucket's lifecycle the infrastructure sets", () => {
    const years = commonEnv.shape.RETENTION_YEARS.parse(undefined);
    const extra = archiveExpirationDays(years) / 366 - years;
    expect(Number.isInteger(extra)).toBe(true);
    // The backstop lies past the longest provisional expiry of a lesson (its date + retention + 10 years).
    expect(extra).toBeGreaterThan(PROVISIONAL_EXTRA_YEARS);
    expect(doc).toContain(`(RETENTION_YEARS + ${extra}) × 366 days after it was written`);
    expect(doc).toContain(`removes erased versions after ${ARCHIVE_NONCURRENT_DAYS} days`);
  });

  it('says for every kind of data what the code does to erase it', () => {
    expect(Object.fromEntries(retentionRows())).toEqual(CODE);
  });

  it('has a row for every kind of item the store writes', () => {
    const rows = retentionRows();
    const types = storedTypes();
    expect(types.size).toBeGreaterThan(15);
    expect([...types].filter((t) => !rows.has(t))).toEqual([]);
  });

  it("states the student's retention the code uses", () => {
    const years = commonEnv.shape.RETENTION_YEARS.parse(undefined);
    expect(doc).toContain(`\`RETENTION_YEARS\` is ${years} by default`);
    expect(doc).toContain(`\`RETENTION_YEARS\` + ${PROVISIONAL_EXTRA_YEARS} years`);
  });
});
