import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { type ImportDeps, importRows, newImportSession } from '../../../functions/usecases/import';
import { defaultMapping, detectMapping } from '../../../shared/import';
import { startTestTable } from '../../support/dynalite';
import { asRows, REGISTRATION_HEADER, STUDENT_HEADER, schoolExport } from '../../support/school-export';
import { startedForFile } from '../../support/started';

/**
 * Issue 16: a realistic export (a few thousand rows with the usual mistakes) through the dry
 * run (nothing stored) and the real run, then imported again (nothing changes).
 */

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const table = startedForFile(startTestTable);
const NOW = new Date('2026-11-30T19:00:00Z');
const deps = (): ImportDeps => ({
  ingest: { store: { doc: table.doc, tableName: table.tableName }, retentionYears: 5, now: () => NOW },
});
const occurredAt = NOW.toISOString();
// Four school weeks of October and November 2026 (the autumn holiday, 19-23 October, left out).
const DAYS = [
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
  '2026-10-08',
  '2026-10-09',
  '2026-10-12',
  '2026-10-13',
  '2026-10-14',
  '2026-10-15',
  '2026-10-16',
  '2026-10-26',
  '2026-10-27',
];
const data = schoolExport({ studentCount: 50, days: DAYS });
const students = asRows(STUDENT_HEADER, data.students);
const registrations = asRows(REGISTRATION_HEADER, data.registrations);

async function scan(): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.filter((item) => item.pk !== 'LEASE#ingest');
}
const sorted = (items: Array<Record<string, unknown>>) => items.map((i) => JSON.stringify(i)).sort();

describe('importing an export of the school year so far', () => {
  const bad = data.planted.unknownStudent + data.planted.badTime + data.planted.unknownCode;
  const good = registrations.length - bad - data.planted.duplicate;

  it('has a few thousand rows with every kind of mistake', () => {
    expect(registrations.length).toBeGreaterThan(2000);
    expect(Math.min(...Object.values(data.planted))).toBeGreaterThan(3);
    expect(detectMapping(REGISTRATION_HEADER).kind).toBe('registrations');
  });

  it('a dry run reports every row and stores nothing, knowing the students imported earlier in it', async () => {
    const before = await scan();
    const session = newImportSession();
    const refusals: Array<{ line: number; column: string; reason: string }> = [];
    const studentTotals = await importRows(
      deps(),
      { mapping: detectMapping(STUDENT_HEADER).mapping, rows: students, dryRun: true, occurredAt },
      () => {},
      session,
    );
    expect(studentTotals.counts.valid).toBe(students.length);
    const totals = await importRows(
      deps(),
      { mapping: detectMapping(REGISTRATION_HEADER).mapping, rows: registrations, dryRun: true, occurredAt },
      (report) => {
        for (const row of report.rows) for (const r of row.refusals ?? []) refusals.push(r);
      },
      session,
    );
    expect(totals.rows).toBe(registrations.length);
    expect(totals.counts).toMatchObject({
      valid: good,
      repeated: data.planted.duplicate,
      refused: bad,
      applied: 0,
    });
    const byReason = (reason: string) => refusals.filter((r) => r.reason === reason);
    expect(byReason('unknown_student')).toHaveLength(data.planted.unknownStudent);
    expect(byReason('unknown_student')[0]).toMatchObject({ column: 'Studentnummer', value: '999999' });
    expect(byReason('bad_time')).toHaveLength(data.planted.badTime);
    expect(byReason('bad_time')[0]).toMatchObject({ column: 'Begintijd', value: '8:75' });
    expect(byReason('unknown_code')).toHaveLength(data.planted.unknownCode);
    expect(sorted(await scan())).toEqual(sorted(before));
  });

  it('a real run stores the students, then every valid registration; a second import changes nothing', async () => {
    const studentsRun = await importRows(deps(), {
      mapping: defaultMapping('students'),
      rows: students,
      dryRun: false,
      occurredAt,
    });
    expect(studentsRun.counts.applied).toBe(students.length);
    const mapping = defaultMapping('registrations');
    const first = await importRows(deps(), { mapping, rows: registrations, dryRun: false, occurredAt });
    expect(first.counts).toMatchObject({
      applied: good,
      repeated: data.planted.duplicate,
      refused: bad,
      valid: 0,
    });
    const stored = await scan();
    expect(stored.filter((i) => String(i.pk).startsWith('REG#'))).toHaveLength(good);

    // Again, later (another occurredAt): the same rows are the same events.
    const later = new Date(NOW.getTime() + 3_600_000).toISOString();
    const again = await importRows(deps(), {
      mapping,
      rows: registrations,
      dryRun: false,
      occurredAt: later,
    });
    expect(again.counts).toMatchObject({
      applied: 0,
      duplicate: good,
      repeated: data.planted.duplicate,
      refused: bad,
    });
    const againStudents = await importRows(deps(), {
      mapping: defaultMapping('students'),
      rows: students,
      dryRun: false,
      occurredAt: later,
    });
    expect(againStudents.counts).toMatchObject({ applied: 0, duplicate: students.length });
    expect(sorted(await scan())).toEqual(sorted(stored));
  });
});
