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
  options: CsvOptions = {},
): string {
  return stringify(rows as Record<K, unknown>[], {
    header: options.header ?? true,
    columns: columns.map((c) => ({ key: c.key, header: c.header })),
    escape_formulas: true,
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.bom ? { bom: true } : {}),
  });
}

/**
 * Dutch Excel reads `;` as the list separator (`,` is the decimal comma) and needs a UTF-8 BOM
 * to show accents: `excelNl` is what a file opened there by double click needs.
 */
export interface CsvOptions {
  delimiter?: ';' | ',';
  bom?: boolean;
  /** `false` for the rows after the first part of a CSV written in parts (a streamed report). */
  header?: boolean;
}
export const excelNl: CsvOptions = { delimiter: ';', bom: true };

/** A CSV for Dutch Excel (`excelNl`). */
export function toExcelCsv<K extends string>(
  columns: readonly CsvColumn<K>[],
  rows: readonly Record<K, string | number | boolean | null | undefined>[],
): string {
  return toCsv(columns, rows, excelNl);
}
