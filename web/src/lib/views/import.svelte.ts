import { type FileRow, type ImportSource, isXlsx, readRows, UnreadableFile } from '../import-file';
import {
  addCounts,
  Batcher,
  type Counts,
  keepRefusals,
  NO_COUNTS,
  REFUSALS_KEPT,
  type Refusal,
} from './import-batches';

/**
 * The administrator's import, step by step: a file is read in the browser (first a scan: its
 * header, a preview, its size and the distinct values of each column), its columns are matched
 * to the fields of the chosen kind (preselected by the import core's auto-detection), the
 * absence codes found are mapped (preselected by the Dutch default mapping), then the same
 * batches of rows go to the server twice: a dry run that stores nothing, and after the person's
 * confirmation the real run. The server validates and ingests; this module only reads and sends.
 */

export type ImportMode = 'dryRun' | 'run';

/** The import core's answers the page needs (shared/import), given so the view is tested alone. */
export interface ImportCoreView<Kind extends string = string> {
  kinds: readonly Kind[];
  fields(kind: Kind): readonly { name: string; required: boolean }[];
  /** The file's column per field, guessed from the header ('' when none fits). */
  detect(kind: Kind, header: readonly string[]): Record<string, string>;
  /** The field holding the school's absence code, when the kind has one. */
  codeField(kind: Kind): string | null;
  /** What a code means by default, or '' when the default mapping does not know it. */
  defaultCode(code: string): string;
}

export interface BatchBody<Kind extends string = string> {
  kind: Kind;
  fileName: string;
  header: string[];
  columns: Record<string, string>;
  codes: Record<string, string>;
  rows: FileRow[];
}

export interface BatchAnswer {
  counts: Counts;
  refusals: Refusal[];
}

export type SendBatch<Kind extends string = string> = (
  mode: ImportMode,
  body: BatchBody<Kind>,
) => Promise<BatchAnswer>;

export interface PassResult {
  counts: Counts;
  refusals: Refusal[];
  /** Whether every refusal is in `refusals` (false beyond REFUSALS_KEPT). */
  complete: boolean;
}

export type Step = 'choose' | 'reading' | 'map' | 'checking' | 'checked' | 'importing' | 'done';

export interface Progress {
  /** The phase, for the bar's label. */
  phase: 'read' | ImportMode;
  done: number;
  total: number;
  /** `done` and `total` are bytes (the scan of a CSV) rather than rows. */
  bytes: boolean;
}

export const PREVIEW_ROWS = 5;
/** A column with more distinct values than this holds no codes (a date, a student number). */
export const MAX_CODES = 60;

/** The absence codes found in a column, sorted; none when it has too many values to be codes. */
export function codesIn(values: ReadonlySet<string> | undefined): string[] {
  if (!values || values.size > MAX_CODES) return [];
  return [...values].filter((v) => v !== '').sort((a, b) => a.localeCompare(b, 'nl'));
}

/** Required fields still without a column. */
export function missingFields(
  fields: readonly { name: string; required: boolean }[],
  columns: Readonly<Record<string, string>>,
): string[] {
  return fields.filter((f) => f.required && !columns[f.name]).map((f) => f.name);
}

export class ImportView<Kind extends string = string> {
  step = $state<Step>('choose');
  fileName = $state('');
  kind = $state<Kind>() as Kind;
  header = $state<string[]>([]);
  preview = $state<FileRow[]>([]);
  rowCount = $state(0);
  columns = $state<Record<string, string>>({});
  codes = $state<Record<string, string>>({});
  progress = $state<Progress | null>(null);
  dryRun = $state<PassResult | null>(null);
  result = $state<PassResult | null>(null);
  /** A refusal of the whole file or a failure, in words (shown with role=alert). */
  error = $state<{ key: 'unreadable' | 'empty' | 'failed'; message: string } | null>(null);

  /** Distinct values per column (up to MAX_CODES + 1 each), gathered by the scan. */
  private distinct = $state<Set<string>[]>([]);
  private source: ImportSource | null = null;

  // Getters over the state (reactive where they are read): `$derived` field initialisers
  // would read `core` before the constructor has set it.
  get fields(): readonly { name: string; required: boolean }[] {
    return this.core.fields(this.kind);
  }
  get missing(): string[] {
    return missingFields(this.fields, this.columns);
  }
  /** The codes in the column chosen for the absence code. */
  get codesFound(): string[] {
    const field = this.core.codeField(this.kind);
    const column = field ? this.columns[field] : '';
    if (!column) return [];
    return codesIn(this.distinct[this.header.indexOf(column)]);
  }
  get canCheck(): boolean {
    return this.step === 'map' && this.missing.length === 0 && this.rowCount > 0;
  }

  constructor(
    private readonly core: ImportCoreView<Kind>,
    private readonly send: SendBatch<Kind>,
  ) {
    this.kind = core.kinds[0] as Kind;
  }

  /** Reads the file once: header, preview, row count, distinct values per column. */
  async choose(source: ImportSource): Promise<void> {
    this.reset();
    this.source = source;
    this.fileName = source.name;
    this.step = 'reading';
    const distinct: Set<string>[] = [];
    const preview: FileRow[] = [];
    try {
      const { header, rows } = await readRows(source, (batch, p) => {
        for (const row of batch) {
          if (preview.length < PREVIEW_ROWS) preview.push(row);
          row.cells.forEach((cell, i) => {
            distinct[i] ??= new Set();
            const seen = distinct[i];
            if (seen.size <= MAX_CODES) seen.add(cell.trim());
          });
        }
        this.progress = { phase: 'read', done: p.done, total: p.total, bytes: !isXlsx(source.name) };
        return Promise.resolve();
      });
      this.header = header;
      this.preview = preview;
      this.rowCount = rows;
      this.distinct = distinct;
      this.progress = null;
      if (rows === 0) {
        this.error = { key: 'empty', message: '' };
        this.step = 'choose';
        return;
      }
      this.detect();
      this.step = 'map';
    } catch (error) {
      this.progress = null;
      this.step = 'choose';
      this.error = {
        key: error instanceof UnreadableFile ? 'unreadable' : 'failed',
        message: (error as Error).message,
      };
    }
  }

  /** Another kind: its fields, matched afresh to the file's columns. */
  setKind(kind: Kind): void {
    this.kind = kind;
    this.detect();
    this.dryRun = null;
  }

  setColumn(field: string, column: string): void {
    this.columns = { ...this.columns, [field]: column };
    this.dryRun = null;
    this.prefillCodes();
  }

  setCode(code: string, meaning: string): void {
    this.codes = { ...this.codes, [code]: meaning };
    this.dryRun = null;
  }

  /** The dry run: every batch checked by the server, nothing stored. */
  async check(): Promise<void> {
    if (!this.canCheck && this.step !== 'checked') return;
    this.step = 'checking';
    const outcome = await this.pass('dryRun');
    if (outcome) {
      this.dryRun = outcome;
      this.step = 'checked';
    } else this.step = 'map';
  }

  /** The real run, after the person confirmed what the dry run showed. */
  async confirm(): Promise<void> {
    if (this.step !== 'checked') return;
    this.step = 'importing';
    const outcome = await this.pass('run');
    if (outcome) {
      this.result = outcome;
      this.step = 'done';
    } else this.step = 'checked';
  }

  restart(): void {
    this.reset();
    this.step = 'choose';
  }

  /** The body of one batch: the rows with the mapping chosen. */
  body(rows: FileRow[]): BatchBody<Kind> {
    const columns = Object.fromEntries(Object.entries(this.columns).filter(([, c]) => c !== ''));
    const codes = Object.fromEntries(
      this.codesFound.map((c) => [c, this.codes[c] ?? '']).filter(([, m]) => m !== ''),
    );
    return { kind: this.kind, fileName: this.fileName, header: [...this.header], columns, codes, rows };
  }

  /** Reads the file again and sends it in batches, one at a time; null when it failed. */
  private async pass(mode: ImportMode): Promise<PassResult | null> {
    const source = this.source;
    if (!source) return null;
    this.error = null;
    let counts = NO_COUNTS;
    let refusals: Refusal[] = [];
    let complete = true;
    const total = this.rowCount;
    const batcher = new Batcher();
    const sendOne = async (rows: FileRow[]) => {
      const answer = await this.send(mode, this.body(rows));
      counts = addCounts(counts, answer.counts);
      if (refusals.length + answer.refusals.length > REFUSALS_KEPT) complete = false;
      refusals = keepRefusals(refusals, answer.refusals);
      this.progress = { phase: mode, done: counts.rows, total, bytes: false };
    };
    this.progress = { phase: mode, done: 0, total, bytes: false };
    try {
      await readRows(source, async (rows) => {
        for (const full of batcher.add(rows)) await sendOne(full);
      });
      const rest = batcher.rest();
      if (rest) await sendOne(rest);
      return { counts, refusals, complete };
    } catch (error) {
      this.error = { key: 'failed', message: (error as Error).message };
      return null;
    } finally {
      this.progress = null;
    }
  }

  private detect(): void {
    const detected = this.core.detect(this.kind, this.header);
    this.columns = Object.fromEntries(this.fields.map((f) => [f.name, detected[f.name] ?? '']));
    this.prefillCodes();
  }

  /** Codes not chosen yet get the default mapping's meaning. */
  private prefillCodes(): void {
    const next = { ...this.codes };
    for (const code of this.codesFound) next[code] ??= this.core.defaultCode(code);
    this.codes = next;
  }

  private reset(): void {
    this.source = null;
    this.header = [];
    this.preview = [];
    this.rowCount = 0;
    this.distinct = [];
    this.columns = {};
    this.codes = {};
    this.dryRun = null;
    this.result = null;
    this.error = null;
    this.progress = null;
  }
}
