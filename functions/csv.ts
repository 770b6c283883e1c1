import { stringify } from 'csv-stringify/sync';

/** A column of a CSV export: the row's field and the header the reader sees. */
export interface CsvColumn<K extends string = string> {
  key: K;
  header: string;
}

/**
 * The one CSV writer every export uses. Exports are opened in Excel, where a cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula: a student named
 * `=HYPERLINK(...)` would run in the officer's spreadsheet. csv-stringify's `escape_formulas`
 * prefixes such a text cell with `'` (numbers, also negative ones, stay numbers).
 */
export function toCsv<K extends string>(
  columns: readonly CsvColumn<K>[],
  rows: readonly Record<K, string | number | boolean | null | undefined>[],
  delimiter = ',',
): string {
  return stringify(rows as Record<K, unknown>[], {
    header: true,
    columns: columns.map((c) => ({ key: c.key, header: c.header })),
    escape_formulas: true,
    delimiter,
  });
}

/**
 * For Dutch Excel, which splits on semicolons (the comma is the decimal sign) and reads a file
 * as UTF-8 only when it starts with a byte order mark: without it, "é" in a name comes out garbled.
 */
export function toExcelCsv<K extends string>(
  columns: readonly CsvColumn<K>[],
  rows: readonly Record<K, string | number | boolean | null | undefined>[],
): string {
  return `\uFEFF${toCsv(columns, rows, ';')}`;
}
