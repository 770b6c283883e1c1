import type { ImportBatchBody, ImportBatchResult } from '../../../shared/api/import';
import { type ImportField, type ImportRow, type Mapping, mappingSchema } from '../../../shared/import';
import { localDate } from '../../domain/dates';
import { appendAudit } from '../../store/audit-repository';
import { dateItemExpiry } from '../../store/retention';
import { type ImportDeps, type ImportReport, importBatch } from '../../usecases/import';
import { badRequest } from '../errors';
import type { ImportPort } from '../ports';

/**
 * The dashboard's import batches through the import use case (functions/usecases/import), and so
 * through the webhook's ingestion. Each request is one batch on its own (the API keeps nothing
 * between requests): a row repeated in another batch is not "repeated" in the dry run, and the
 * real run stores it once (the ingestion's idempotency: `duplicate`).
 */
export function importPort(deps: ImportDeps & { retentionYears: number }): ImportPort {
  return {
    async importBatch({ mode, batch, actor, now }) {
      const mapping = mappingOf(batch);
      const rows: ImportRow[] = batch.rows.map((row) => ({
        line: row.line,
        cells: Object.fromEntries(batch.header.map((column, i) => [column, row.cells[i]])),
      }));
      const report = await importBatch(deps, {
        mapping,
        rows,
        dryRun: mode === 'dryRun',
        occurredAt: now.toISOString(),
      });
      const result = resultOf(report);
      if (mode === 'run') {
        // The import is an administrator's action: who, which file, which kind, what it came to.
        const lines = batch.rows.map((r) => r.line);
        await appendAudit(
          deps.ingest.store,
          {
            entity: 'staff',
            entityId: actor.staffId,
            at: now.toISOString(),
            by: actor.staffId,
            what: `import ${batch.kind} ${batch.fileName}`,
            before: null,
            after: {
              fileName: batch.fileName,
              kind: batch.kind,
              lines: { from: Math.min(...lines), to: Math.max(...lines) },
              counts: result.counts,
            },
          },
          dateItemExpiry(localDate(now), deps.retentionYears),
        );
      }
      return result;
    },
  };
}

/** The column picker's choice as the import core's mapping (column -> field), checked. */
function mappingOf(batch: ImportBatchBody): Mapping {
  const columns: Record<string, ImportField> = {};
  for (const [field, column] of Object.entries(batch.columns)) {
    if (column) columns[column] = field as ImportField;
  }
  const parsed = mappingSchema.safeParse({
    kind: batch.kind,
    columns,
    codes: batch.codes,
    dateFormat: 'auto',
  });
  if (!parsed.success) {
    throw badRequest(
      'invalid mapping',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

function resultOf(report: ImportReport): ImportBatchResult {
  const c = report.counts;
  const refused = c.refused;
  return {
    counts: {
      rows: report.rows.length,
      accepted: report.rows.length - refused,
      duplicates: c.duplicate + c.repeated + c.stale,
      refused,
    },
    refusals: report.rows.flatMap((r) =>
      (r.refusals ?? []).map((f) => ({
        line: f.line,
        column: f.column,
        value: f.value,
        reason: f.text,
        code: f.reason,
      })),
    ),
  };
}
