import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  defaultMapping,
  detectMapping,
  type ImportRow,
  type Mapping,
  mappingSchema,
  rowToEvent,
} from '../../../shared/import';
import { sha256Hex } from '../../../shared/import/sha256';

const AT = '2026-11-30T20:00:00+01:00';
const options = { occurredAt: AT, calendar: { from: '2025-08-25', to: '2028-07-14' } };

const registrationsHeader = [
  'Studentnummer',
  'Datum',
  'Lesuur',
  'Begintijd',
  'Eindtijd',
  'Absentiecode',
  'Minuten',
];
const regMapping = (): Mapping => detectMapping(registrationsHeader).mapping;
const row = (line: number, cells: Record<string, string>): ImportRow => ({ line, cells });
const lesson = (extra: Record<string, string> = {}) =>
  row(2, {
    Studentnummer: '100234',
    Datum: '03-11-2026',
    Lesuur: '2',
    Begintijd: '9:20',
    Eindtijd: '10:10',
    Absentiecode: 'Z',
    Minuten: '',
    ...extra,
  });

describe('a registrations row of a Dutch export', () => {
  it('becomes a registration.upserted with the code mapped to status and reason', () => {
    const result = rowToEvent(regMapping(), lesson(), options);
    expect(result).toMatchObject({
      ok: true,
      event: {
        type: 'registration.upserted',
        occurredAt: AT,
        data: {
          registrationId: 'imp-100234-20261103-0920',
          revision: 0,
          studentId: '100234',
          date: '2026-11-03',
          start: '09:20',
          end: '10:10',
          status: 'absent',
          reason: 'sick',
        },
      },
    });
  });

  it('reads jjjj-mm-dd as well as dd-mm-jjjj, and a code in any case', () => {
    const a = rowToEvent(regMapping(), lesson({ Datum: '2026-11-03', Absentiecode: ' z ' }), options);
    const b = rowToEvent(regMapping(), lesson(), options);
    expect(a.ok && b.ok && a.event).toEqual(b.ok && b.event);
  });

  it('takes late minutes and refuses late without minutes or with more than the lesson', () => {
    const late = rowToEvent(regMapping(), lesson({ Absentiecode: 'TL', Minuten: '15' }), options);
    expect(late.ok && late.event.data).toMatchObject({ status: 'late', minutesMissed: 15 });
    const missing = rowToEvent(regMapping(), lesson({ Absentiecode: 'TL' }), options);
    expect(missing).toMatchObject({
      ok: false,
      refusals: [{ line: 2, column: 'Minuten', reason: 'minutes_missing' }],
    });
    const tooMany = rowToEvent(regMapping(), lesson({ Absentiecode: 'UV', Minuten: '51' }), options);
    expect(tooMany).toMatchObject({
      ok: false,
      refusals: [{ column: 'Minuten', value: '51', reason: 'minutes_too_many' }],
    });
  });

  it('refuses a bad time, an unknown code and a bad date, each with its cell and a Dutch reason', () => {
    const result = rowToEvent(
      regMapping(),
      lesson({ Begintijd: '25:00', Absentiecode: 'QQ', Datum: '31-02-2026' }),
      options,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusals.map((r) => [r.column, r.value, r.reason])).toEqual(
      expect.arrayContaining([
        ['Begintijd', '25:00', 'bad_time'],
        ['Absentiecode', 'QQ', 'unknown_code'],
        ['Datum', '31-02-2026', 'bad_date'],
      ]),
    );
    expect(result.refusals.find((r) => r.reason === 'unknown_code')?.text).toBe(
      'Onbekende absentiecode (niet in de koppeling)',
    );
  });

  it('refuses a date outside the school calendar and a missing student number', () => {
    expect(rowToEvent(regMapping(), lesson({ Datum: '01-01-2020' }), options)).toMatchObject({
      ok: false,
      refusals: [{ column: 'Datum', reason: 'outside_calendar' }],
    });
    expect(rowToEvent(regMapping(), lesson({ Studentnummer: ' ' }), options)).toMatchObject({
      ok: false,
      refusals: [{ column: 'Studentnummer', reason: 'missing' }],
    });
  });

  it('is a lesson attended when it has no code, and takes the times of a lesson hour from the mapping', () => {
    const mapping: Mapping = { ...regMapping(), lessonTimes: { '2': { start: '09:20', end: '10:10' } } };
    const result = rowToEvent(mapping, lesson({ Begintijd: '', Eindtijd: '', Absentiecode: '' }), options);
    expect(result.ok && result.event.data).toMatchObject({ status: 'present', start: '09:20', end: '10:10' });
    const unknown = rowToEvent(mapping, lesson({ Begintijd: '', Eindtijd: '', Lesuur: '9' }), options);
    expect(unknown).toMatchObject({ ok: false, refusals: [{ column: 'Lesuur', reason: 'unknown_lesson' }] });
  });

  it('reads the first non-empty column of a field that has aliases', () => {
    const mapping = defaultMapping('registrations');
    const result = rowToEvent(
      mapping,
      row(2, { ...lesson().cells, Studentnummer: '', Leerlingnummer: '100777' }),
      options,
    );
    expect(result.ok && result.event.data).toMatchObject({ studentId: '100777' });
  });

  it("keeps the export's own registration id when it has one", () => {
    const mapping: Mapping = { ...regMapping(), columns: { ...regMapping().columns, Id: 'registrationId' } };
    const result = rowToEvent(mapping, row(3, { ...lesson().cells, Id: 'EA-778812' }), options);
    expect(result.ok && result.event.data).toMatchObject({ registrationId: 'EA-778812' });
  });

  it('gives the same event id to the same content and another to other content', () => {
    const a = rowToEvent(regMapping(), lesson(), options);
    const b = rowToEvent(
      regMapping(),
      { ...lesson(), line: 99 },
      { ...options, occurredAt: '2027-01-01T00:00:00Z' },
    );
    const c = rowToEvent(regMapping(), lesson({ Absentiecode: 'A' }), options);
    expect(a.ok && a.event.id).toMatch(/^imp-[0-9a-f]{40}$/);
    expect(a.ok && a.event.id).toBe(b.ok && b.event.id);
    expect(a.ok && a.event.id).not.toBe(c.ok && c.event.id);
  });
});

describe('roster rows', () => {
  const students = detectMapping([
    'Studentnummer',
    'Naam',
    'E-mail',
    'Geboortedatum',
    'Team',
    'Coach',
    'Niveau',
    'Leerweg',
    'Startkwalificatie',
    'Inschrijfdatum',
  ]);
  it('detects a students file and maps its Dutch values', () => {
    expect(students.kind).toBe('students');
    const result = rowToEvent(
      students.mapping,
      row(2, {
        Studentnummer: '100234',
        Naam: 'Sanne de Vries',
        'E-mail': 'sanne@student.example',
        Geboortedatum: '14-05-2009',
        Team: 'T-ZORG1',
        Coach: 'c-jansen',
        Niveau: 'Niveau 2',
        Leerweg: 'BOL',
        Startkwalificatie: 'nee',
        Inschrijfdatum: '2025-08-25',
      }),
      options,
    );
    expect(result.ok && result.event).toMatchObject({
      type: 'student.upserted',
      data: { birthDate: '2009-05-14', level: '2', pathway: 'BOL', routeX: false, startQualification: false },
    });
  });

  it('reads staff roles in Dutch and refuses an unknown one', () => {
    const staff = detectMapping(['Personeelsnummer', 'Naam', 'E-mail', 'Rol', 'Teams']);
    expect(staff.kind).toBe('staff');
    const cells = {
      Personeelsnummer: 'c-jansen',
      Naam: 'Jan Jansen',
      'E-mail': 'j.jansen@school.example',
      Teams: 'T1, T2',
    };
    const ok = rowToEvent(staff.mapping, row(2, { ...cells, Rol: 'SLB; teamleider' }), options);
    expect(ok.ok && ok.event.data).toMatchObject({ roles: ['coach', 'manager'], orgUnitIds: ['T1', 'T2'] });
    const bad = rowToEvent(staff.mapping, row(2, { ...cells, Rol: 'conciërge' }), options);
    expect(bad).toMatchObject({ ok: false, refusals: [{ column: 'Rol', reason: 'bad_value' }] });
  });

  it('detects org units, with an empty parent as none', () => {
    const units = detectMapping(['Code', 'Naam', 'Soort', 'Bovenliggend']);
    expect(units.kind).toBe('orgunits');
    const result = rowToEvent(
      units.mapping,
      row(2, { Code: 'ZORG', Naam: 'Zorg & Welzijn', Soort: 'Afdeling', Bovenliggend: '' }),
      options,
    );
    expect(result.ok && result.event.data).toEqual({
      orgUnitId: 'ZORG',
      name: 'Zorg & Welzijn',
      kind: 'department',
      parentId: null,
    });
  });
});

describe('detecting and checking a mapping', () => {
  it('matches headers without case, dashes and spaces, and lists the unused ones', () => {
    const detected = detectMapping([
      'STUDENTNUMMER',
      'datum',
      'begin tijd',
      'Eind-tijd',
      'absentie code',
      'Opmerking',
    ]);
    expect(detected.kind).toBe('registrations');
    expect(detected.mapping.columns).toEqual({
      STUDENTNUMMER: 'studentId',
      datum: 'date',
      'begin tijd': 'start',
      'Eind-tijd': 'end',
      'absentie code': 'code',
    });
    expect(detected.unused).toEqual(['Opmerking']);
  });

  it('accepts the default mapping as a mapping file and refuses a field of another kind', () => {
    expect(mappingSchema.safeParse(defaultMapping('registrations')).success).toBe(true);
    const wrong = { kind: 'staff', columns: { Datum: 'date', A: 'name', B: 'name' } };
    const result = mappingSchema.safeParse(wrong);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['no field date in a staff file']);
  });
});

describe('sha256Hex', () => {
  it('agrees with node:crypto', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'x'.repeat(64), 'Zoë; ✓ '.repeat(30)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });
});

describe('the sample mapping file (docs/import-mapping.example.json)', () => {
  it('is a valid mapping that reads an export with lesson hours instead of times', async () => {
    const { readFile } = await import('node:fs/promises');
    const json = JSON.parse(await readFile('docs/import-mapping.example.json', 'utf8'));
    const mapping = mappingSchema.parse(json) as Mapping;
    const result = rowToEvent(
      mapping,
      row(2, {
        Leerlingnummer: '100234',
        Lesdatum: '05-10-2026',
        Uur: '3',
        Absentie: 'laat-ov',
        'Minuten te laat': '12',
      }),
      options,
    );
    expect(result.ok && result.event.data).toMatchObject({
      start: '10:30',
      end: '11:20',
      status: 'late',
      reason: 'late_transport',
      minutesMissed: 12,
    });
  });
});
