/**
 * Issue #13, "Overviews" and "Bugs seen": the 4-week overview said "Geen resultaten" while its
 * CSV had rows. The page read at most 200 students per request and answered an empty first page
 * (with a cursor) when none of them had a signal; the dashboard shows an empty first page as "no
 * results". The overview is filtered on the server: a first page is empty only when nothing
 * matches, and the page and the CSV list the same rows. Rows name their team, not its id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSignalState } from '../../../functions/store/signal-state-repository';
import { putStudent } from '../../../functions/store/students';
import { initialSignalState } from '../../../shared/policy';
import { startTestTable, type TestTable } from '../../support/dynalite';
import { apiClient, type Client, seed } from './fixture';

const EXPIRES = 4_102_444_800;
let table: TestTable;
let api: Client;

beforeAll(async () => {
  table = await startTestTable();
  await seed(table);
  // 210 more students in Zorg B, sorted after the seeded ones; only the last has a 4-week signal.
  for (let i = 0; i < 210; i++) {
    const studentId = `s-p${String(i).padStart(3, '0')}`;
    await putStudent(
      table,
      {
        studentId,
        displayName: `Student ${i}`,
        email: `${studentId}@student.example`,
        birthDate: '2009-03-01',
        teamId: 'team-b',
        coachId: 'coach-b',
        level: '2',
        pathway: 'BOL',
        routeX: false,
        startQualification: false,
        enrolledFrom: '2025-08-18',
      },
      { version: 1, eventIds: [`evt-${studentId}`], expiresAt: EXPIRES },
    );
  }
  await saveSignalState(
    table,
    's-p209',
    {
      state: { ...initialSignalState, fourWeekThrough: '2026-11-13' },
      watchedReports: [],
      evaluatedOn: '2026-11-19',
      recheckOn: null,
    },
    false,
    EXPIRES,
  );
  api = await apiClient(table);
}, 120_000);
afterAll(() => table?.stop());

describe('the 4-week overview', () => {
  it('shows on its first page the signal its CSV lists, with the team by name', async () => {
    const csv = await api.call('officer', 'GET', '/api/overviews/four_week/csv');
    expect(csv.text).toContain('s-p209');
    expect(csv.text).toContain('Zorg B');

    const page = await api.call('officer', 'GET', '/api/overviews/four_week');
    expect(page.status).toBe(200);
    expect(page.json.rows).toMatchObject([
      { student: { studentId: 's-p209' }, teamName: 'Zorg B', detail: 'signal4w', date: '2026-11-13' },
    ]);
    expect(page.json.nextCursor).toBeNull();
  });
});
