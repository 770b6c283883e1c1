/**
 * A generated export of a school's presence system, as ComTak, EduArte, Magister or Somtoday
 * write one (Dutch headers, dd-mm-jjjj, semicolons), with the usual mistakes planted at known
 * lines: an unknown student, a bad time, a duplicate row, an unknown code.
 */
export const REGISTRATION_HEADER = [
  'Studentnummer',
  'Datum',
  'Lesuur',
  'Begintijd',
  'Eindtijd',
  'Absentiecode',
  'Minuten',
];
export const STUDENT_HEADER = [
  'Studentnummer',
  'Naam',
  'E-mail',
  'Geboortedatum',
  'Team',
  'Coach',
  'Niveau',
  'Leerweg',
  'Inschrijfdatum',
];

const LESSONS = [
  ['08:30', '09:20'],
  ['09:20', '10:10'],
  ['10:30', '11:20'],
  ['11:20', '12:10'],
  ['13:00', '13:50'],
] as const;
const CODES = ['', '', '', '', '', '', 'A', 'Z', 'TL', 'ON', 'MA', 'UV', 'V'];

export interface SchoolExport {
  students: string[][];
  registrations: string[][];
  /** How many rows of each planted mistake. */
  planted: { unknownStudent: number; badTime: number; duplicate: number; unknownCode: number };
}

/** A tiny deterministic generator (mulberry32), so a failing run can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dutchDate = (iso: string): string => iso.split('-').reverse().join('-');

/** `studentCount` students, each with five lessons on each of `days` (school days, ISO). */
export function schoolExport(options: {
  studentCount: number;
  days: readonly string[];
  seed?: number;
}): SchoolExport {
  const next = random(options.seed ?? 16);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const ids = Array.from({ length: options.studentCount }, (_, i) => String(200000 + i));
  const students = ids.map((id, i) => [
    id,
    `Student ${i}`,
    `${id}@student.school.example`,
    `${10 + (i % 18)}-0${1 + (i % 9)}-${2005 + (i % 5)}`,
    i % 2 ? 'team-ict' : 'team-zorg',
    i % 2 ? 'c-jansen' : 'c-pietersen',
    String(2 + (i % 3)),
    i % 4 ? 'BOL' : 'BBL',
    '25-08-2025',
  ]);
  const registrations: string[][] = [];
  for (const id of ids) {
    for (const day of options.days) {
      LESSONS.forEach(([start, end], lesson) => {
        const code = pick(CODES);
        const minutes = code === 'TL' || code === 'UV' ? String(5 + Math.floor(next() * 40)) : '';
        registrations.push([id, dutchDate(day), String(lesson + 1), start, end, code, minutes]);
      });
    }
  }
  const planted = { unknownStudent: 0, badTime: 0, duplicate: 0, unknownCode: 0 };
  // Every 97th row gets a mistake, in turn; the duplicates repeat an earlier, untouched row.
  const kinds = ['unknownStudent', 'badTime', 'duplicate', 'unknownCode'] as const;
  const changed = new Set<number>();
  for (let i = 97, k = 0; i < registrations.length; i += 97, k++) {
    const kind = kinds[k % kinds.length] as (typeof kinds)[number];
    const row = registrations[i] as string[];
    changed.add(i);
    if (kind === 'unknownStudent') row[0] = '999999';
    if (kind === 'badTime') row[3] = '8:75';
    if (kind === 'unknownCode') row[5] = 'XQ';
    if (kind === 'duplicate') {
      let source = i - 50;
      while (changed.has(source)) source--;
      registrations[i] = [...(registrations[source] as string[])];
    }
    planted[kind]++;
  }
  return { students, registrations, planted };
}

/** Rows as the import use case takes them: the header is line 1. */
export const asRows = (header: readonly string[], rows: readonly string[][]) =>
  rows.map((cells, i) => ({
    line: i + 2,
    cells: Object.fromEntries(header.map((h, c) => [h, cells[c] ?? ''])),
  }));
