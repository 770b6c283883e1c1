import Papa from 'papaparse';

/**
 * Reading an export (CSV or xlsx) in the browser, row by row. The file never goes to the server
 * whole: the page reads it here and sends batches of rows. A CSV is streamed in chunks and the
 * parser waits while a batch is handled (`onRows` is awaited: back-pressure), so a file of
 * millions of rows stays within a bounded memory; an xlsx is a zip that `read-excel-file` reads
 * whole (Excel holds at most about a million rows), loaded only when one is chosen so it is not
 * in the dashboard's first download.
 */

/** One row of the file: its line number (the header is line 1) and its cells as text. */
export interface FileRow {
  line: number;
  cells: string[];
}

export interface ReadProgress {
  /** Data rows read so far. */
  rows: number;
  /** Of `total`: bytes of a CSV, rows of an xlsx. */
  done: number;
  total: number;
}

/** A file the page can read: a browser `File`, or the text of a CSV (tests). */
export type ImportSource = { name: string; file: Blob } | { name: string; text: string };

export class UnreadableFile extends Error {
  override readonly name = 'UnreadableFile';
}

export const isXlsx = (name: string): boolean => /\.xlsx$/i.test(name);

/** The separator of a CSV: the candidate found most often in its first line (Dutch Excel: `;`). */
export function guessDelimiter(firstLine: string): string {
  let best = ',';
  let most = 0;
  for (const candidate of [';', ',', '\t', '|']) {
    const count = firstLine.split(candidate).length - 1;
    if (count > most) {
      best = candidate;
      most = count;
    }
  }
  return best;
}

const isEmpty = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** An xlsx cell as the text a CSV export of it would hold (dates as YYYY-MM-DD, times as HH:MM). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    const time = iso.slice(11, 16);
    // Excel keeps a time of day as a date on 30 December 1899.
    if (value.getUTCFullYear() < 1901) return time;
    return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
  }
  return String(value);
}

/**
 * Reads the header and every data row of the file, handing the rows to `onRows` a chunk at a
 * time and waiting for it before reading on. Empty rows are skipped but keep their line number.
 */
export function readRows(
  source: ImportSource,
  onRows: (rows: FileRow[], progress: ReadProgress) => Promise<void>,
): Promise<{ header: string[]; rows: number }> {
  return isXlsx(source.name) && 'file' in source ? readXlsx(source.file, onRows) : readCsv(source, onRows);
}

const XLSX_SLICE = 500;

async function readXlsx(
  file: Blob,
  onRows: (rows: FileRow[], progress: ReadProgress) => Promise<void>,
): Promise<{ header: string[]; rows: number }> {
  const { readSheet } = await import('read-excel-file/browser');
  let data: unknown[][];
  try {
    data = (await readSheet(file)) as unknown[][];
  } catch (error) {
    throw new UnreadableFile((error as Error).message);
  }
  const header = (data[0] ?? []).map(cellText);
  const total = Math.max(data.length - 1, 0);
  let rows = 0;
  for (let start = 1; start < data.length; start += XLSX_SLICE) {
    const slice: FileRow[] = [];
    data.slice(start, start + XLSX_SLICE).forEach((raw, i) => {
      const cells = raw.map(cellText);
      if (!isEmpty(cells)) slice.push({ line: start + i + 1, cells });
    });
    rows += slice.length;
    await onRows(slice, { rows, done: Math.min(start - 1 + XLSX_SLICE, total), total });
  }
  return { header, rows };
}

const CSV_CHUNK = 256 * 1024;

async function readCsv(
  source: ImportSource,
  onRows: (rows: FileRow[], progress: ReadProgress) => Promise<void>,
): Promise<{ header: string[]; rows: number }> {
  const first = 'text' in source ? source.text.slice(0, 4096) : await source.file.slice(0, 4096).text();
  const delimiter = guessDelimiter(first.split(/\r?\n/)[0] ?? '');
  const total = 'text' in source ? source.text.length : source.file.size;
  const input = 'text' in source ? source.text : (source.file as File);
  let header: string[] | null = null;
  let line = 0;
  let rows = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(input, {
      delimiter,
      chunkSize: CSV_CHUNK,
      skipEmptyLines: false,
      chunk(results, parser) {
        parser.pause();
        const batch: FileRow[] = [];
        for (const raw of results.data) {
          line += 1;
          const cells = raw.map((c) => String(c ?? ''));
          if (header === null) {
            // Excel's byte order mark sticks to the first column's name.
            header = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
            continue;
          }
          if (!isEmpty(cells)) batch.push({ line, cells });
        }
        rows += batch.length;
        const done = Math.min(results.meta.cursor, total);
        onRows(batch, { rows, done, total }).then(
          () => parser.resume(),
          (error: unknown) => {
            parser.abort();
            reject(error);
          },
        );
      },
      complete: () => resolve({ header: header ?? [], rows }),
      error: (error: Error) => reject(new UnreadableFile(error.message)),
    });
  });
}
