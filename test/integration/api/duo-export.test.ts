import { beforeAll, describe, expect, it } from 'vitest';
import type { DuoReportType, Task } from '../../../functions/domain/task';
import { createTask } from '../../../functions/store/tasks-repository';
import { DUO_REPORT_TYPES } from '../../../shared/workflow/constants';
import { parseCsv } from '../../support/csv';
import { STAFF, useSeededApi } from './fixture';

const sys = useSeededApi();
const FAR = 4_102_444_800;

function duoTask(
  taskId: string,
  type: DuoReportType,
  extra: Partial<Task> = {},
): Task & { expiresAt: number } {
  return {
    taskId,
    kind: 'duo_report',
    role: 'attendance_officer',
    studentId: 's-a',
    studentName: 'Sam Aalders',
    teamId: 'team-a',
    status: 'open',
    createdOn: '2026-11-16',
    dueDate: '2026-11-23',
    explanation: 'DUO',
    duo: {
      studentId: 's-a',
      studentName: 'Sam Aalders',
      type,
      addressee: type === 'rmc' ? 'rmc' : 'lpa',
      from: '2026-10-19',
      to: '2026-11-13',
      absentDays: 20,
      absentHours: 120,
      absentMinutes: 7200,
      suspectedReason: 'onbekend',
      allLessonsMissed: true,
      actionTaken: '2026-11-16: gesprek; brief verstuurd',
      reporter: { staffId: 'coach-a', name: 'Anna Coach', role: 'coach', email: 'anna@school.example' },
    },
    duoRecord: { history: [] },
    version: 1,
    expiresAt: FAR,
    ...extra,
  };
}

beforeAll(async () => {
  for (const type of DUO_REPORT_TYPES) await createTask(sys.table, duoTask(`t-type-${type}`, type));
  // DUO finished with this one: nothing more to send.
  await createTask(
    sys.table,
    duoTask('t-closed', 'long_absence', {
      duoRecord: {
        status: 'closed',
        closedReason: 'terug op school',
        history: [{ status: 'closed', by: 'vb-1', at: '2026-11-18T10:00:00Z' }],
      },
    }),
  );
});

describe('the DUO export as Dutch Excel opens it', () => {
  it('starts with a BOM, separates by ";", and holds every report type in Dutch words, with DUO status and the officer as reporter', async () => {
    const res = await sys.api.call('officer', 'GET', '/api/duo/export.csv');
    expect(res.status).toBe(200);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const [header = [], ...rows] = parseCsv(res.text.slice(1), ';');
    expect(header).toEqual(
      expect.arrayContaining([
        'brin',
        'onderwijsnummer_of_bsn',
        'studentnummer',
        'naam',
        'geboortedatum',
        'adres',
        'soort_melding',
        'verzuim_vanaf',
        'verzuim_tot_en_met',
        'verzuimde_uren',
        'vermoedelijke_reden',
        'ondernomen_acties',
        'status_duo',
        'einddatum',
        'melder_naam',
        'melder_functie',
        'melder_email',
      ]),
    );
    const lines = rows.map((r) => Object.fromEntries(header.map((k, i) => [k, r[i] ?? ''])));
    const byTask = new Map(lines.map((l) => [l.kenmerk, l]));
    expect([...byTask.keys()].filter((k) => k?.startsWith('t-type-')).sort()).toEqual(
      DUO_REPORT_TYPES.map((t) => `t-type-${t}`).sort(),
    );
    expect(DUO_REPORT_TYPES.map((t) => byTask.get(`t-type-${t}`)?.soort_melding)).toEqual([
      'Verzuim 16 uur in 4 weken',
      'Langdurig relatief verzuim (langer dan 4 weken)',
      'Voortijdig schoolverlaten (RMC)',
      'Luxe verzuim',
    ]);
    expect(byTask.get('t-type-rmc')).toMatchObject({ ontvanger: 'RMC' });
    expect(byTask.get('t-type-luxury')).toMatchObject({
      ontvanger: 'Leerplichtambtenaar (LPA)',
      geboortedatum: expect.stringMatching(/^\d\d-\d\d-\d{4}$/),
      verzuim_vanaf: '19-10-2026',
      verzuim_tot_en_met: '13-11-2026',
      alle_lessen_verzuimd: 'ja',
      // A ";" inside a cell stays in its cell.
      ondernomen_acties: '2026-11-16: gesprek; brief verstuurd',
      uiterste_melddatum: '23-11-2026',
      status_duo: 'nog niet gemeld',
      melder_naam: STAFF.officer.name,
      melder_functie: 'Verzuimbegeleider',
      melder_email: STAFF.officer.email,
      aangevraagd_door: 'Anna Coach',
    });
    // No enum codes anywhere in the file.
    for (const code of [...DUO_REPORT_TYPES, 'registered', 'in_progress', 'attendance_officer'])
      expect(rows.flat()).not.toContain(code);
    expect(byTask.has('t-closed')).toBe(false);
  });
});
