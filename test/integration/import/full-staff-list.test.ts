import { describe, expect, it } from 'vitest';
import { getStaffAccount } from '../../../functions/store/staff-accounts';
import {
  EmptyStaffListError,
  type ImportDeps,
  importRows,
  NotAStaffListError,
} from '../../../functions/usecases/import';
import { detectMapping, type ImportRow } from '../../../shared/import';
import { startTestTable } from '../../support/dynalite';
import { provisioningBus } from '../../support/provisioning-bus';
import { startedForEachTest } from '../../support/started';
import { apiClient } from '../api/fixture';

/**
 * Issue 16: a staff member who disappears from the source is disabled. A staff file imported
 * as the complete staff list says who left: everyone stored with roles who is not in it.
 */

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const HEADER = ['Personeelsnummer', 'Naam', 'E-mail', 'Rol', 'Team'];
const STAFF = [
  ['m-anna', 'Anna de Vries', 'anna@school.example', 'mentor', 't-1'],
  ['m-bram', 'Bram Jansen', 'bram@school.example', 'mentor', 't-1'],
  ['m-cora', 'Cora Bakker', 'cora@school.example', 'verzuimmedewerker', 't-1'],
];
const rows = (staff: string[][]): ImportRow[] =>
  staff.map((cells, i) => ({ line: i + 2, cells: Object.fromEntries(HEADER.map((h, c) => [h, cells[c]])) }));
const mapping = detectMapping(HEADER).mapping;
const without = (staffId: string) => STAFF.filter(([id]) => id !== staffId);

const system = startedForEachTest(async () => {
  const table = await startTestTable();
  const store = { doc: table.doc, tableName: table.tableName };
  const deps: ImportDeps = {
    ingest: { store, retentionYears: 5, now: () => new Date(), bus: await provisioningBus(store) },
  };
  return { table, deps, api: await apiClient(store), stop: () => table.stop() };
});

let minute = 0;
/** Each import starts a minute after the previous (its `occurredAt` orders the versions). */
const importStaff = (staff: string[][], options: { dryRun?: boolean; fullStaffList?: boolean } = {}) =>
  importRows(system.deps, {
    mapping,
    rows: rows(staff),
    dryRun: options.dryRun ?? false,
    occurredAt: new Date(Date.parse('2026-11-30T19:00:00Z') + ++minute * 60_000).toISOString(),
    fullStaffList: options.fullStaffList ?? false,
  });
const signIn = (staffId: string) => system.api.call(null, 'POST', '/api/auth/local/token', { staffId });
const signInList = async () =>
  (
    (await system.api.call(null, 'GET', '/api/auth/local/staff')).json as { staff: { staffId: string }[] }
  ).staff
    .map((s) => s.staffId)
    .sort();

describe('importing the full staff list', () => {
  it('disables whoever is no longer in it, names them in the dry run first, and changes nothing when run again', async () => {
    await importStaff(STAFF, { fullStaffList: true });
    expect(await signInList()).toEqual(['m-anna', 'm-bram', 'm-cora']);

    const dry = await importStaff(without('m-bram'), { dryRun: true, fullStaffList: true });
    expect(dry.staffLeavers).toEqual([{ staffId: 'm-bram', name: 'Bram Jansen' }]);
    expect((await signIn('m-bram')).status).toBe(200);

    const real = await importStaff(without('m-bram'), { fullStaffList: true });
    expect(real.staffLeavers).toEqual([{ staffId: 'm-bram', name: 'Bram Jansen' }]);
    expect(await getStaffAccount(system.deps.ingest.store, 'm-bram')).toMatchObject({ enabled: false });
    expect((await signIn('m-bram')).status).toBe(404);
    expect(await signInList()).toEqual(['m-anna', 'm-cora']);
    expect((await signIn('m-anna')).status).toBe(200);
    expect(await getStaffAccount(system.deps.ingest.store, 'm-cora')).toMatchObject({
      enabled: true,
      groups: ['attendance_officer'],
    });

    const again = await importStaff(without('m-bram'), { fullStaffList: true });
    expect(again.staffLeavers).toEqual([]);
    expect(again.counts.applied).toBe(0);
    expect(await signInList()).toEqual(['m-anna', 'm-cora']);
  });

  it('disables nobody without the option', async () => {
    await importStaff(STAFF);
    const totals = await importStaff(without('m-bram'));
    expect(totals.staffLeavers).toBeUndefined();
    expect(await signInList()).toEqual(['m-anna', 'm-bram', 'm-cora']);
    expect((await signIn('m-bram')).status).toBe(200);
  });

  it('does not take a row refused for a mistake as someone who left', async () => {
    await importStaff(STAFF, { fullStaffList: true });
    const badAddress = STAFF.map((s) =>
      s[0] === 'm-bram' ? [...s.slice(0, 2), 'geen adres', ...s.slice(3)] : s,
    );
    const totals = await importStaff(badAddress, { fullStaffList: true });
    expect(totals.counts.refused).toBe(1);
    expect(totals.staffLeavers).toEqual([]);
    expect((await signIn('m-bram')).status).toBe(200);
  });

  it('refuses a full staff list that names nobody, and the option on a file that is not a staff list', async () => {
    await importStaff(STAFF, { fullStaffList: true });
    await expect(importStaff([], { fullStaffList: true })).rejects.toBeInstanceOf(EmptyStaffListError);
    expect(await signInList()).toEqual(['m-anna', 'm-bram', 'm-cora']);
    const students = detectMapping(['Studentnummer', 'Achternaam', 'Voornaam']).mapping;
    await expect(
      importRows(system.deps, {
        mapping: students,
        rows: [],
        dryRun: true,
        occurredAt: '2026-11-30T19:00:00Z',
        fullStaffList: true,
      }),
    ).rejects.toBeInstanceOf(NotAStaffListError);
  });
});
