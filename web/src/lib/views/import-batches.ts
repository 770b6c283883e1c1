import Papa from 'papaparse';
import type { FileRow } from '../import-file';

/**
 * The mechanics of sending an export in batches: rows are grouped in batches of at most
 * `IMPORT_BATCH_ROWS` (far below the HTTP API's 10 MB payload: 500 rows of a wide export are
 * a few hundred KB), each batch is sent and awaited before the next, and the answers are added
 * up. Pure apart from the `send` it is given, so it is tested without a browser.
 */
export const IMPORT_BATCH_ROWS = 500;

/** Collects rows and hands out full batches; `rest` gives what is left at the end. */
export class Batcher {
  private rows: FileRow[] = [];
  constructor(private readonly size = IMPORT_BATCH_ROWS) {}

  /** Adds rows; returns the batches that are now full, in order. */
  add(rows: readonly FileRow[]): FileRow[][] {
    const full: FileRow[][] = [];
    for (const row of rows) {
      this.rows.push(row);
      if (this.rows.length === this.size) {
        full.push(this.rows);
        this.rows = [];
      }
    }
    return full;
  }

  rest(): FileRow[] | null {
    if (this.rows.length === 0) return null;
    const last = this.rows;
    this.rows = [];
    return last;
  }
}

export interface Refusal {
  line: number;
  column: string;
  value: string;
  reason: string;
}

/** What a batch (or the whole file) came to. */
export interface Counts {
  rows: number;
  /** Rows that become events (dry run) or were ingested (real run). */
  accepted: number;
  /** Of those, events that were stored before (importing again changes nothing). */
  duplicates: number;
  refused: number;
}

export const NO_COUNTS: Counts = { rows: 0, accepted: 0, duplicates: 0, refused: 0 };

export const addCounts = (a: Counts, b: Counts): Counts => ({
  rows: a.rows + b.rows,
  accepted: a.accepted + b.accepted,
  duplicates: a.duplicates + b.duplicates,
  refused: a.refused + b.refused,
});

/**
 * The refused rows kept for the screen and the CSV. A file of a million bad rows must not fill
 * the browser's memory: beyond `limit` only the count goes on.
 */
export const REFUSALS_KEPT = 10_000;

export function keepRefusals(kept: Refusal[], more: readonly Refusal[], limit = REFUSALS_KEPT): Refusal[] {
  if (kept.length >= limit) return kept;
  return kept.concat(more.slice(0, limit - kept.length));
}

/**
 * The refusals as a CSV for Dutch Excel: semicolons, a byte order mark (so Excel reads UTF-8),
 * and cells that start like a formula escaped so a value from the file cannot run in Excel.
 */
export function refusalsCsv(
  refusals: readonly Refusal[],
  headers: readonly [string, string, string, string],
): string {
  const body = Papa.unparse(
    {
      fields: [...headers],
      data: refusals.map((r) => [String(r.line), r.column, r.value, r.reason]),
    },
    { delimiter: ';', newline: '\r\n', escapeFormulae: true },
  );
  return `\uFEFF${body}\r\n`;
}
