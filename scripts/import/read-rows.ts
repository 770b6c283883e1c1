/**
 * Rows of an export file, streamed: CSV through papaparse (delimiter detected, `;` or `,`;
 * a byte order mark dropped) and `.xlsx` through exceljs's streaming WorkbookReader (first
 * worksheet). Rows come one at a time with backpressure, so a file of millions of rows never
 * sits in memory. A row's `line` is its record number with the header as line 1 (in a CSV a
 * cell holding a line break makes that differ from the text editor's line).
 */
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportRow } from '../../shared/import';

export const isXlsx = (file: string): boolean => /\.xlsx$/i.test(file);

export interface ReadProgress {
  /** Bytes of the file read so far (CSV; the zipped size for xlsx is not known per row). */
  bytesRead: number;
}

const isEmpty = (cells: Record<string, string>): boolean =>
  Object.values(cells).every((c) => c.trim() === '');

export async function* readCsvRows(file: string, progress?: ReadProgress): AsyncGenerator<ImportRow> {
  const input = createReadStream(file);
  if (progress) input.on('data', (chunk) => (progress.bytesRead += chunk.length));
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    header: true,
    skipEmptyLines: false,
    transformHeader: (header) => header.replace(/^\uFEFF/, '').trim(),
  });
  input.pipe(parser);
  let line = 1;
  for await (const record of parser as AsyncIterable<Record<string, string | undefined>>) {
    line++;
    const cells: Record<string, string> = {};
    for (const [key, value] of Object.entries(record)) cells[key] = value ?? '';
    if (!isEmpty(cells)) yield { line, cells };
  }
}

/** A cell of exceljs as the text an export means: dates as jjjj-mm-dd, times of day as uu:mm. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    // Excel keeps a time of day as a fraction of a day: a date on 30 December 1899.
    return value.getUTCFullYear() < 1901 ? iso.slice(11, 16) : iso.slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function* readXlsxRows(file: string): AsyncGenerator<ImportRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const worksheet of reader) {
    let header: string[] | undefined;
    for await (const row of worksheet) {
      const values = (row.values ?? []) as ExcelJS.CellValue[];
      if (!header) {
        header = values.map((v) => cellText(v ?? null).trim());
        continue;
      }
      const cells: Record<string, string> = {};
      header.forEach((name, column) => {
        if (name) cells[name] = cellText(values[column] ?? null);
      });
      if (!isEmpty(cells)) yield { line: row.number, cells };
    }
    return; // the first worksheet only
  }
}

export const readRows = (file: string, progress?: ReadProgress): AsyncGenerator<ImportRow> =>
  isXlsx(file) ? readXlsxRows(file) : readCsvRows(file, progress);
