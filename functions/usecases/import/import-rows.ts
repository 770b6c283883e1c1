import { MAX_EVENTS } from '../../../shared/contract/batch';
import type { PresenceEvent } from '../../../shared/contract/events';
import type { ImportRow, Mapping, Refusal } from '../../../shared/import';
import { createRowMapper, refusal } from '../../../shared/import';
import { sha256Hex } from '../../../shared/import/sha256';
import { batchGetStudents } from '../../store/students';
import { calendarOf, type IngestDeps, type Outcome } from '../ingest/context';
import { ingestBatch } from '../ingest/ingest-batch';
import { fingerprint, type ImportSession, newImportSession } from './session';
import { disableStaffNotListed, type StaffLeaver, staffIdsOfRows } from './staff-list';

/**
 * What a row became. A dry run answers `valid` (it would be sent), `repeated` (the same row is
 * earlier in this import) or `refused`; a real run answers the ingestion's outcome instead of
 * `valid` (`applied`, or `duplicate` when it was imported before, `stale` when a higher
 * revision is stored).
 */
export type RowOutcome = 'valid' | 'repeated' | 'refused' | Outcome;
export const ROW_OUTCOMES: readonly RowOutcome[] = [
  'valid',
  'applied',
  'duplicate',
  'stale',
  'pending',
  'repeated',
  'refused',
];

export interface RowReport {
  line: number;
  outcome: RowOutcome;
  /** The event the row is (absent when refused). */
  event?: PresenceEvent;
  refusals?: Refusal[];
}

export interface ImportBatchInput {
  mapping: Mapping;
  rows: readonly ImportRow[];
  /** Check and report only: nothing is stored. */
  dryRun: boolean;
  /** The events' `occurredAt`: when the import was started (ISO with offset). */
  occurredAt: string;
}

export interface ImportReport {
  counts: Record<RowOutcome, number>;
  rows: RowReport[];
}

export interface ImportDeps {
  /** The webhook's ingestion: same validation, idempotency and concurrent writes. */
  ingest: IngestDeps;
}

export const emptyCounts = (): Record<RowOutcome, number> =>
  Object.fromEntries(ROW_OUTCOMES.map((o) => [o, 0])) as Record<RowOutcome, number>;

const studentOf = (event: PresenceEvent): string | undefined =>
  event.type === 'registration.upserted' ? event.data.studentId : undefined;

const recordKey = (event: PresenceEvent): string => {
  switch (event.type) {
    case 'registration.upserted':
      return `r:${event.data.registrationId}`;
    case 'student.upserted':
      return `s:${event.data.studentId}`;
    case 'staff.upserted':
      return `m:${event.data.staffId}`;
    case 'orgunit.upserted':
      return `o:${event.data.orgUnitId}`;
    default:
      return `e:${event.id}`;
  }
};

/**
 * One batch of rows (the dashboard's API sends about 500 at a time): each row mapped and
 * checked (the contract, the calendar, an unknown student, a repeated or conflicting row), and
 * in a real run the valid ones stored through the webhook's ingestion. `session` carries what
 * earlier batches of the same import saw; a fresh one checks this batch alone.
 */
export async function importBatch(
  deps: ImportDeps,
  input: ImportBatchInput,
  session: ImportSession = newImportSession(),
): Promise<ImportReport> {
  const map = createRowMapper(input.mapping, {
    occurredAt: input.occurredAt,
    calendar: calendarOf(deps.ingest).coverage,
  });
  const reports: RowReport[] = input.rows.map((row) => {
    const result = map(row);
    return result.ok
      ? { line: row.line, outcome: 'valid', event: result.event }
      : { line: row.line, outcome: 'refused', refusals: result.refusals };
  });

  if (input.mapping.kind === 'staff')
    for (const id of staffIdsOfRows(input.mapping, input.rows)) session.staffIds.add(id);
  await lookUpStudents(deps, session, reports);
  for (const report of reports) {
    const event = report.event;
    if (!event) continue;
    if (event.type === 'student.upserted') session.knownStudents.add(event.data.studentId);
    const studentId = studentOf(event);
    if (studentId !== undefined && !session.knownStudents.has(studentId)) {
      refuse(report, input.mapping, 'studentId', studentId, 'unknown_student');
      continue;
    }
    const key = fingerprint(recordKey(event));
    const content = Number.parseInt(event.id.slice(4, 11), 16);
    const earlier = session.records.get(key);
    if (earlier === undefined) session.records.set(key, content);
    else if (earlier === content) report.outcome = 'repeated';
    else refuse(report, input.mapping, '', '', 'conflict');
  }

  if (!input.dryRun) await storeValidRows(deps, reports);
  const counts = emptyCounts();
  for (const r of reports) counts[r.outcome]++;
  return { counts, rows: reports };
}

function refuse(
  report: RowReport,
  mapping: Mapping,
  field: string,
  value: string,
  reason: 'unknown_student' | 'conflict',
): void {
  const column = Object.entries(mapping.columns).find(([, f]) => f === field)?.[0] ?? field;
  report.outcome = 'refused';
  report.refusals = [refusal(report.line, column, value, reason)];
  delete report.event;
}

async function lookUpStudents(deps: ImportDeps, session: ImportSession, reports: RowReport[]): Promise<void> {
  const wanted = new Set<string>();
  for (const r of reports) {
    const studentId = r.event && studentOf(r.event);
    if (studentId && !session.knownStudents.has(studentId) && !session.absentStudents.has(studentId))
      wanted.add(studentId);
  }
  if (wanted.size === 0) return;
  const found = await batchGetStudents(deps.ingest.store, wanted);
  for (const id of wanted) (found.has(id) ? session.knownStudents : session.absentStudents).add(id);
}

/**
 * The valid rows through ingestBatch, at most MAX_EVENTS a delivery. A delivery's id is derived
 * from its events, so a batch sent again (a retry, the same file imported twice) is recognised.
 */
export async function storeValidRows(deps: ImportDeps, reports: RowReport[]): Promise<void> {
  const sending = reports.filter((r) => r.outcome === 'valid');
  for (let i = 0; i < sending.length; i += MAX_EVENTS) {
    const slice = sending.slice(i, i + MAX_EVENTS);
    const events = slice.map((r) => r.event as PresenceEvent);
    const deliveryId = `import-${sha256Hex(events.map((e) => e.id).join('\n')).slice(0, 40)}`;
    const output = await ingestBatch(deps.ingest, { deliveryId, events });
    output.results.forEach((result, index) => {
      const report = slice[index];
      if (report) report.outcome = result.outcome;
    });
  }
}

export interface ImportRowsInput extends Omit<ImportBatchInput, 'rows'> {
  rows: AsyncIterable<ImportRow> | Iterable<ImportRow>;
  /** Rows per batch (default 500). */
  batchSize?: number;
  /**
   * The file is the complete staff list: stored staff with roles who are not in it are sent
   * with no roles (disabled by provisioning); a dry run only names them.
   */
  fullStaffList?: boolean;
}

export interface ImportTotals {
  counts: Record<RowOutcome, number>;
  rows: number;
  /** With `fullStaffList`: the staff disabled (a dry run: who would be). */
  staffLeavers?: StaffLeaver[];
}

/**
 * A whole file, streamed: rows are taken `batchSize` at a time and each batch goes through
 * importBatch with one session; `onBatch` sees each batch's report (progress, refusals) and
 * nothing else is kept, so memory does not grow with the rows.
 */
export async function importRows(
  deps: ImportDeps,
  input: ImportRowsInput,
  onBatch: (report: ImportReport, totals: ImportTotals) => void | Promise<void> = () => {},
  session: ImportSession = newImportSession(),
): Promise<ImportTotals> {
  if (input.fullStaffList && input.mapping.kind !== 'staff') throw new NotAStaffListError(input.mapping.kind);
  const size = input.batchSize ?? MAX_EVENTS;
  const totals: ImportTotals = { counts: emptyCounts(), rows: 0 };
  let batch: ImportRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const report = await importBatch(deps, { ...input, rows: batch }, session);
    batch = [];
    totals.rows += report.rows.length;
    for (const outcome of ROW_OUTCOMES) totals.counts[outcome] += report.counts[outcome];
    await onBatch(report, totals);
  };
  for await (const row of input.rows) {
    batch.push(row);
    if (batch.length >= size) await flush();
  }
  await flush();
  if (input.fullStaffList) {
    totals.staffLeavers = await disableStaffNotListed(deps, session, {
      dryRun: input.dryRun,
      occurredAt: input.occurredAt,
    });
  }
  return totals;
}

/** `fullStaffList` was asked of a file that is not a staff list. */
export class NotAStaffListError extends Error {
  constructor(kind: string) {
    super(`only a staff file can be the full staff list, not a file of ${kind}`);
    this.name = 'NotAStaffListError';
  }
}
