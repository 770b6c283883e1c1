/**
 * `npm run import -- FILE... [--kind K] [--mapping M.json] [--dry-run] [--report refusals.csv]
 * [--full-staff-list]`:
 * imports exports of the school's systems (CSV or .xlsx) into the RUNNING local system, or into
 * the table in AWS named by TABLE_NAME (scripts/local/running.ts), through the import use case:
 * every row becomes a contract event and goes through the webhook's ingestion. Files are read as
 * streams in batches of 500 rows; several files share one import, so a students file before a
 * registrations file makes its students known (also in a dry run). Progress goes to stderr.
 * `--full-staff-list`: the staff file is the complete list; stored staff with roles who are not
 * in it are disabled (a dry run names them).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  detectMapping,
  type ImportKind,
  type ImportRow,
  isImportKind,
  type Mapping,
  mappingSchema,
  type Refusal,
} from '../shared/import';
import { type ReadProgress, readRows } from './import/read-rows';
import { useRunningSystem } from './local/running';

const USAGE =
  'Usage: npm run import -- FILE... [--kind K] [--mapping M.json] [--dry-run] [--report refusals.csv] [--full-staff-list]';
function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  options: {
    kind: { type: 'string' },
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    report: { type: 'string' },
    'full-staff-list': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
if (positionals.length === 0) usage('FILE is required');
if (values.kind !== undefined && !isImportKind(values.kind)) {
  usage(`--kind must be registrations, students, staff or orgunits, got "${values.kind}"`);
}
const dryRun = values['dry-run'] ?? false;
const fullStaffList = values['full-staff-list'] ?? false;
let staffFileSeen = false;

async function mappingFile(path: string): Promise<Mapping> {
  const parsed = mappingSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    usage(
      `${path} is not a mapping: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data as Mapping;
}
const given = values.mapping ? await mappingFile(values.mapping) : undefined;

const where = await useRunningSystem({ allowAws: true });
// Imported after the environment is set, as the handlers read it at load.
const { documentClient } = await import('../functions/store/client');
const { importRows, newImportSession } = await import('../functions/usecases/import');
const { toCsv } = await import('../functions/csv');

const deps = {
  ingest: {
    store: { doc: documentClient(), tableName: process.env.TABLE_NAME as string },
    retentionYears: Number(process.env.RETENTION_YEARS ?? 5),
    now: () => new Date(),
  },
};

const REPORT_COLUMNS = [
  { key: 'file', header: 'Bestand' },
  { key: 'line', header: 'Regel' },
  { key: 'column', header: 'Kolom' },
  { key: 'value', header: 'Waarde' },
  { key: 'reason', header: 'Code' },
  { key: 'text', header: 'Reden' },
] as const;
type ReportKey = (typeof REPORT_COLUMNS)[number]['key'];
let report: WriteStream | undefined;
let reportStarted = false;
const writeRefusals = (file: string, refusals: Refusal[]) => {
  if (!values.report || refusals.length === 0) return;
  report ??= createWriteStream(values.report);
  const rows = refusals.map((r): Record<ReportKey, string | number> => ({ file, ...r }));
  // toExcelCsv's form (`;`, a byte order mark), written in parts: the header once.
  report.write(toCsv(REPORT_COLUMNS, rows, { delimiter: ';', bom: !reportStarted, header: !reportStarted }));
  reportStarted = true;
};

interface OpenFile {
  mapping: Mapping;
  /** Headers of the file that the mapping reads, and those it leaves. */
  used: string[];
  unused: string[];
  rows: AsyncIterable<ImportRow>;
}

/** The first row tells the header; the mapping is the given one or detected from it. */
async function open(file: string, progress: ReadProgress, kind?: ImportKind): Promise<OpenFile | undefined> {
  const rest = readRows(file, progress);
  const first = await rest.next();
  if (first.done) return undefined;
  const header = Object.keys(first.value.cells);
  const mapping = given ?? detectMapping(header, kind).mapping;
  async function* rows() {
    yield first.value as ImportRow;
    yield* rest;
  }
  return {
    mapping,
    used: header.filter((h) => h in mapping.columns),
    unused: header.filter((h) => !(h in mapping.columns)),
    rows: rows(),
  };
}

const session = newImportSession();
const occurredAt = new Date().toISOString();
let failed = false;
console.error(
  `${dryRun ? 'Proef-import (er wordt niets opgeslagen)' : 'Import'} naar ${where === 'aws' ? `tabel ${process.env.TABLE_NAME} in AWS` : 'het lokale systeem'}`,
);
for (const file of positionals) {
  const size = (await stat(file)).size;
  const progress: ReadProgress = { bytesRead: 0 };
  const opened = await open(file, progress, (values.kind as ImportKind | undefined) ?? given?.kind);
  if (!opened) {
    console.error(`${file}: geen rijen`);
    continue;
  }
  const { mapping, used, unused, rows } = opened;
  console.error(
    `${file}: ${mapping.kind}; kolommen ${used.join(', ')}${unused.length ? `; niet gebruikt: ${unused.join(', ')}` : ''}`,
  );
  const started = Date.now();
  const totals = await importRows(
    deps,
    { mapping, rows, dryRun, occurredAt, fullStaffList: fullStaffList && mapping.kind === 'staff' },
    (batch, sofar) => {
      writeRefusals(
        file,
        batch.rows.flatMap((r) => r.refusals ?? []),
      );
      const seconds = (Date.now() - started) / 1000;
      const share =
        size > 0 && progress.bytesRead > 0
          ? ` ${Math.min(100, Math.round((100 * progress.bytesRead) / size))}%`
          : '';
      process.stderr.write(
        `\r${file}:${share} ${sofar.rows} rijen, ${Math.round(sofar.rows / Math.max(seconds, 0.001))}/s, ${sofar.counts.refused} geweigerd   `,
      );
    },
    session,
  ).catch((error: unknown) => {
    // A full staff list naming nobody: the use case refuses to disable everyone.
    if (error instanceof Error && error.name === 'EmptyStaffListError') usage(`${file}: ${error.message}`);
    throw error;
  });
  process.stderr.write('\n');
  const counts = Object.entries(totals.counts).filter(([, n]) => n > 0);
  console.log(
    JSON.stringify({
      file,
      kind: mapping.kind,
      dryRun,
      rows: totals.rows,
      ...Object.fromEntries(counts),
      ...(totals.staffLeavers ? { [dryRun ? 'wouldDisable' : 'disabled']: totals.staffLeavers } : {}),
    }),
  );
  if (totals.counts.refused > 0) failed = true;
  if (mapping.kind === 'staff') staffFileSeen = true;
  if (totals.staffLeavers) {
    const names = totals.staffLeavers.map((s) => `${s.name} (${s.staffId})`).join(', ') || 'niemand';
    console.error(
      `${dryRun ? 'Wordt uitgeschakeld' : 'Uitgeschakeld'} (niet in de personeelslijst): ${names}`,
    );
  }
}
if (fullStaffList && !staffFileSeen) {
  console.error('--full-staff-list: geen personeelsbestand geïmporteerd; niemand uitgeschakeld.');
  failed = true;
}
if (report) await new Promise((done) => report?.end(done));
if (failed && values.report) console.error(`Geweigerde rijen: ${values.report}`);
else if (failed)
  console.error(
    'Er zijn rijen geweigerd; --report refusals.csv schrijft ze met regel, kolom, waarde en reden.',
  );
process.exitCode = failed ? 1 : 0;
