/**
 * The administrator's import through the API (#16): a dry run stores nothing, the real run
 * stores through the webhook's ingestion, importing the same batch again changes nothing, and
 * only an administrator may import.
 */
import { describe, expect, it } from 'vitest';
import { listRegistrationExpiriesOfStudent } from '../../../functions/store/registrations';
import { ImportBatchResult } from '../../../shared/api/import';
import { useSeededApi } from './fixture';

const sys = useSeededApi();

const batch = {
  kind: 'registrations',
  fileName: 'absenties.csv',
  header: ['Studentnummer', 'Datum', 'Begintijd', 'Eindtijd', 'Absentiecode'],
  columns: {
    studentId: 'Studentnummer',
    date: 'Datum',
    start: 'Begintijd',
    end: 'Eindtijd',
    code: 'Absentiecode',
  },
  codes: { Z: { status: 'absent', reason: 'sick' }, A: { status: 'absent' } },
  rows: [
    { line: 2, cells: ['s-a', '16-11-2026', '08:30', '09:20', 'Z'] },
    { line: 3, cells: ['s-a', '16-11-2026', '09:20', '10:10', 'A'] },
    { line: 4, cells: ['s-onbekend', '16-11-2026', '08:30', '09:20', 'Z'] },
    { line: 5, cells: ['s-a', '31-02-2026', '08:30', '09:20', 'Z'] },
  ],
};

describe('the import API', () => {
  it('checks a batch in a dry run, storing nothing, and names each refused row in Dutch', async () => {
    const before = (await listRegistrationExpiriesOfStudent(sys.table, 's-a')).map((r) => r.registrationId);
    const res = await sys.api.call('admin', 'POST', '/api/admin/import/dry-run', batch);
    expect(res.status, res.text).toBe(200);
    const result = ImportBatchResult.parse(res.json);
    expect(result.counts).toMatchObject({ rows: 4, accepted: 2, refused: 2 });
    expect(result.refusals.map((r) => [r.line, r.column, r.value])).toEqual([
      [4, 'Studentnummer', 's-onbekend'],
      [5, 'Datum', '31-02-2026'],
    ]);
    expect(result.refusals[0]?.reason).toContain('Onbekende student');
    expect((await listRegistrationExpiriesOfStudent(sys.table, 's-a')).map((r) => r.registrationId)).toEqual(
      before,
    );
  });

  it('stores the accepted rows in the real run, and a second import of the same rows changes nothing', async () => {
    const before = (await listRegistrationExpiriesOfStudent(sys.table, 's-a')).map((r) => r.registrationId);
    const first = ImportBatchResult.parse(
      (await sys.api.call('admin', 'POST', '/api/admin/import', batch)).json,
    );
    expect(first.counts).toMatchObject({ rows: 4, accepted: 2, duplicates: 0, refused: 2 });
    const stored = (await listRegistrationExpiriesOfStudent(sys.table, 's-a')).map((r) => r.registrationId);
    expect(stored.length).toBe(before.length + 2);

    const again = ImportBatchResult.parse(
      (await sys.api.call('admin', 'POST', '/api/admin/import', batch)).json,
    );
    expect(again.counts).toMatchObject({ rows: 4, accepted: 2, duplicates: 2, refused: 2 });
    expect((await listRegistrationExpiriesOfStudent(sys.table, 's-a')).map((r) => r.registrationId)).toEqual(
      stored,
    );
  });

  it('refuses anyone but an administrator, and a mapping naming a field of another kind', async () => {
    for (const who of ['coachA', 'officer', 'manager', 'front'] as const) {
      const res = await sys.api.call(who, 'POST', '/api/admin/import/dry-run', batch);
      expect(res.status, who).toBe(403);
    }
    const wrong = { ...batch, columns: { ...batch.columns, displayName: 'Datum' } };
    expect((await sys.api.call('admin', 'POST', '/api/admin/import', wrong)).status).toBe(400);
  });
});
