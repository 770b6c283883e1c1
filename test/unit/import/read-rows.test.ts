import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../../scripts/import/read-rows';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-read-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const all = async (file: string) => {
  const rows = [];
  for await (const row of readRows(file)) rows.push(row);
  return rows;
};

describe('reading an export file (npm run import)', () => {
  it('reads a Dutch Excel CSV: byte order mark, semicolons, quoted cells, blank lines skipped with their numbers kept', async () => {
    const file = join(dir, 'a.csv');
    await writeFile(file, '\uFEFFStudentnummer;Naam\r\n100;"de Vries; Sanne"\r\n\r\n101;Ali\r\n');
    expect(await all(file)).toEqual([
      { line: 2, cells: { Studentnummer: '100', Naam: 'de Vries; Sanne' } },
      { line: 4, cells: { Studentnummer: '101', Naam: 'Ali' } },
    ]);
  });

  it('reads a comma-separated CSV', async () => {
    const file = join(dir, 'b.csv');
    await writeFile(file, 'Studentnummer,Datum\n100,03-11-2026\n');
    expect(await all(file)).toEqual([{ line: 2, cells: { Studentnummer: '100', Datum: '03-11-2026' } }]);
  });

  it('reads the first sheet of an .xlsx, with dates as jjjj-mm-dd and times of day as uu:mm', async () => {
    const file = join(dir, 'c.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Absenties');
    sheet.addRow(['Studentnummer', 'Datum', 'Begintijd', 'Absentiecode']);
    sheet.addRow([100234, new Date(Date.UTC(2026, 10, 3)), new Date(Date.UTC(1899, 11, 30, 9, 20)), 'Z']);
    book.addWorksheet('Other').addRow(['x']);
    await book.xlsx.writeFile(file);
    expect(await all(file)).toEqual([
      {
        line: 2,
        cells: { Studentnummer: '100234', Datum: '2026-11-03', Begintijd: '09:20', Absentiecode: 'Z' },
      },
    ]);
  });
});
