import { describe, expect, it } from 'vitest';
import { importRows } from '../../../functions/usecases/import';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { defaultMapping } from '../../../shared/import';
import { startedForFile } from '../../support/started';
import { startHarness } from '../nightly/harness';

/**
 * Issue 16: after an import of weeks of history, one nightly run for today catches up as the
 * policy's "Catching up" rule says (shared/policy/README.md): every 16-hour report made, one
 * mail per reader per kind, no 8-hour mail for a period a report of the same run covers.
 */

const h = startedForFile(startHarness);
const NOW = new Date('2026-10-09T19:00:00Z');
const SLOTS = [
  ['08:30', '10:30'],
  ['10:30', '12:30'],
  ['13:00', '15:00'],
  ['15:00', '17:00'],
];

describe('catching up after an import of history', () => {
  it('one night for today makes every report and mails each reader once per kind', async () => {
    const deps = { ingest: { store: h.table, retentionYears: 5, now: () => NOW } };
    const occurredAt = NOW.toISOString();
    const student = {
      Studentnummer: 's-import',
      Naam: 'Iris Import',
      'E-mail': 's-import@student.school.example',
      Geboortedatum: '14-03-2009',
      Team: 'team-ict',
      Coach: 'c-jansen',
      Niveau: '4',
      Leerweg: 'BOL',
      Inschrijfdatum: '25-08-2025',
    };
    await importRows(deps, {
      mapping: defaultMapping('students'),
      rows: [{ line: 2, cells: student }],
      dryRun: false,
      occurredAt,
    });
    // Five days of 8 hours unauthorized over five weeks, between ordinary days attended.
    const truant = new Set(['2026-09-07', '2026-09-09', '2026-09-21', '2026-09-23', '2026-10-07']);
    const days = [
      '2026-09-07',
      '2026-09-08',
      '2026-09-09',
      '2026-09-14',
      '2026-09-21',
      '2026-09-23',
      '2026-09-28',
      '2026-10-07',
    ];
    const rows = days.flatMap((date) =>
      SLOTS.map(([start, end]) => ({
        Studentnummer: 's-import',
        Datum: date.split('-').reverse().join('-'),
        Begintijd: start as string,
        Eindtijd: end as string,
        Absentiecode: truant.has(date) ? 'ON' : '',
      })),
    );
    const imported = await importRows(deps, {
      mapping: defaultMapping('registrations'),
      rows: rows.map((cells, i) => ({ line: i + 2, cells })),
      dryRun: false,
      occurredAt,
    });
    expect(imported.counts.applied).toBe(rows.length);

    const run = await h.nightly('2026-10-09');
    const open = (await listOpenReports(h.table, 'team-ict')).filter((r) => r.studentId === 's-import');
    expect(open.map((r) => [r.from, r.to]).sort()).toEqual([
      ['2026-09-07', '2026-09-09'],
      ['2026-09-21', '2026-09-23'],
    ]);
    const mails = await h.mails();
    const kinds = mails.map((m) => `${m.destination.to.join()}|${m.subject.split(':')[0]}`);
    expect(new Set(kinds).size).toBe(kinds.length);
    const eightHours = (await h.mailsTo('s-import@student.school.example')).filter((m) =>
      m.subject.includes('ongeoorloofd'),
    );
    expect(eightHours).toHaveLength(1);
    expect(eightHours[0]?.body.text).toContain('7 oktober 2026');
    expect(run.mailsQueued).toBe(mails.length);

    // The next night has nothing old to say.
    const next = await h.nightly('2026-10-12');
    expect(next).toMatchObject({ signals: 0, mailsQueued: 0 });
  });
});
