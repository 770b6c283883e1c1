import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../functions/store/audit-repository';
import { createTask } from '../../../functions/store/tasks-repository';
import { useSeededApi } from './fixture';

const sys = useSeededApi();

/** The reader's own entries (lists and exports are filed under the reader). */
const readsBy = async (staffId: string, subject: string) =>
  (await listAudit(sys.table, 'student', `staff:${staffId}`)).filter((e) => e.what === `read ${subject}`);

beforeAll(async () => {
  await createTask(sys.table, {
    taskId: 't-duo-b',
    kind: 'duo_report',
    role: 'attendance_officer',
    studentId: 's-b',
    studentName: 'Bo Bakker',
    teamId: 'team-b',
    status: 'open',
    createdOn: '2026-11-19',
    dueDate: '2026-11-26',
    explanation: 'DUO',
    duo: {
      studentId: 's-b',
      studentName: 'Bo Bakker',
      type: '16_hours_in_4_weeks',
      addressee: 'lpa',
      from: '2026-10-20',
      to: '2026-11-13',
      absentDays: 6,
      absentHours: 16,
      absentMinutes: 960,
      suspectedReason: 'onbekend',
      allLessonsMissed: false,
      actionTaken: 'gesprek',
      reporter: { staffId: 'coach-b', name: 'Bram Coach', role: 'coach', email: 'bram@school.example' },
    },
    version: 1,
    expiresAt: 4_102_444_800,
  });
});

describe('the audit of a list or an export records what it showed', () => {
  it('an overview CSV: the unit, the period and the students', async () => {
    await sys.api.call(
      'officer',
      'GET',
      '/api/overviews/presence/csv?unitId=team-a&from=2026-10-01&to=2026-11-20',
    );
    const [entry] = await readsBy('vb-1', 'overview-csv:presence');
    expect(entry?.seen).toEqual({
      unitId: 'team-a',
      from: '2026-10-01',
      to: '2026-11-20',
      studentIds: ['s-a'],
      studentCount: 1,
    });
  });

  it('an overview page without a period: the period it covered (the last 28 days)', async () => {
    await sys.api.call('manager', 'GET', '/api/overviews/sixteen_hour');
    const [entry] = await readsBy('om-tech', 'overview:sixteen_hour');
    expect(entry?.seen).toEqual({
      from: '2026-10-23',
      to: '2026-11-20',
      studentIds: ['s-a'],
      studentCount: 1,
    });
  });

  it("the coach's open reports and own students", async () => {
    await sys.api.call('coachA', 'GET', '/api/coach');
    const [entry] = await readsBy('coach-a', 'coach-page:all');
    expect(entry?.seen).toEqual({ studentIds: ['s-a'], studentCount: 1 });
  });

  it('the KPI drill-down: the unit and the students of its open reports', async () => {
    await sys.api.call('manager', 'GET', '/api/units/team-a/open-reports');
    const [entry] = await readsBy('om-tech', 'unit-reports:team-a');
    expect(entry?.seen).toEqual({ unitId: 'team-a', studentIds: ['s-a'], studentCount: 1 });
  });

  it('the worklist and the DUO export: the students of their tasks', async () => {
    await sys.api.call('officer', 'GET', '/api/worklist');
    await sys.api.call('officer', 'GET', '/api/duo/export.csv');
    const [worklist] = await readsBy('vb-1', 'worklist:all');
    const [duo] = await readsBy('vb-1', 'duo-export');
    expect(worklist?.seen).toEqual({ studentIds: ['s-b'], studentCount: 1 });
    expect(duo?.seen).toEqual({ studentIds: ['s-b'], studentCount: 1 });
  });
});

describe("who saw a student's data", () => {
  it("answers the attendance officer from the student's trail: pages, lists and exports, newest first", async () => {
    const res = await sys.api.call('officer', 'GET', '/api/students/s-a/reads');
    expect(res.status).toBe(200);
    expect(res.json.student.studentId).toBe('s-a');
    const reads = res.json.reads as { at: string; staffId: string; staffName: string; subject: string }[];
    expect(reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          staffId: 'vb-1',
          staffName: 'Olaf Officer',
          subject: 'overview-csv:presence',
          unitId: 'team-a',
          from: '2026-10-01',
          to: '2026-11-20',
        }),
        expect.objectContaining({ staffId: 'om-tech', subject: 'overview:sixteen_hour' }),
        expect.objectContaining({ staffId: 'coach-a', subject: 'coach-page:all' }),
        expect.objectContaining({ staffId: 'om-tech', subject: 'unit-reports:team-a' }),
      ]),
    );
    // Bo Bakker's worklist and export are not Sam Aalders' reads.
    expect(reads.map((r) => r.subject)).not.toContain('duo-export');
    const times = reads.map((r) => r.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('lists the single-student reads too, and the question itself is a read', async () => {
    await sys.api.call('coachB', 'GET', '/api/students/s-b');
    const first = await sys.api.call('officer', 'GET', '/api/students/s-b/reads');
    expect(first.json.reads.map((r: { subject: string }) => r.subject)).toEqual(
      expect.arrayContaining(['student:s-b', 'duo-export', 'worklist:all']),
    );
    const asked = (r: { staffId: string; subject: string }) =>
      r.staffId === 'vb-1' && r.subject === 'student-reads:s-b';
    expect(first.json.reads.some(asked)).toBe(false);
    const again = await sys.api.call('officer', 'GET', '/api/students/s-b/reads');
    expect(again.json.reads.some(asked)).toBe(true);
  });

  it('is for the attendance officer only', async () => {
    for (const who of ['coachA', 'manager', 'front', 'admin'] as const) {
      expect((await sys.api.call(who, 'GET', '/api/students/s-a/reads')).status, who).toBe(403);
    }
  });
});
