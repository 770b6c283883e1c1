import { z } from 'zod';
import { FIELDS, IMPORT_KINDS, type ImportField } from '../import/fields';
import { REASONS } from '../policy/types';

/**
 * The administrator's import through the dashboard (#16): the browser reads the file and sends
 * its rows in batches with the mapping chosen; the server turns them into contract events (the
 * import core, shared/import) and checks (dry run) or ingests (real run) them. A batch is far
 * below the HTTP API's 10 MB payload: at most IMPORT_MAX_ROWS rows of at most IMPORT_MAX_CELLS
 * cells of at most 500 characters.
 */
export const IMPORT_MAX_ROWS = 1000;
export const IMPORT_MAX_CELLS = 60;

const Text = z.string().max(500);

export const ImportRow = z.object({
  /** The row's line in the file (the header is line 1): refusals name it. */
  line: z.number().int().min(2),
  cells: z.array(Text).max(IMPORT_MAX_CELLS),
});

const allFields = [...new Set(Object.values(FIELDS).flat())] as [ImportField, ...ImportField[]];

/** What one of the school's absence codes means (shared/import `CodeMeaning`). */
export const ImportCodeMeaning = z.object({
  status: z.enum(['present', 'absent', 'late', 'left_early']),
  reason: z.enum(REASONS).optional(),
  decision: z.enum(['authorized', 'unauthorized']).optional(),
});

export const ImportBatchBody = z.object({
  kind: z.enum(IMPORT_KINDS),
  /** For the audit trail and the refusals report. */
  fileName: z.string().min(1).max(255),
  /** The file's header row: the columns the mapping names. */
  header: z.array(Text).min(1).max(IMPORT_MAX_CELLS),
  /** Per field the column chosen (a name in `header`); a field of another kind is refused. */
  columns: z.partialRecord(z.enum(allFields), Text),
  /** Per absence code in the file what it means; a code not named here refuses its rows. */
  codes: z.record(Text, ImportCodeMeaning).default({}),
  rows: z.array(ImportRow).min(1).max(IMPORT_MAX_ROWS),
});
export type ImportBatchBody = z.infer<typeof ImportBatchBody>;

export const ImportRefusal = z.object({
  line: z.number().int(),
  column: z.string(),
  value: z.string(),
  /** In Dutch, for the administrator. */
  reason: z.string(),
  /** The reason as a code (shared/import `REFUSAL_CODES`), for programs. */
  code: z.string(),
});
export type ImportRefusal = z.infer<typeof ImportRefusal>;

export const ImportBatchResult = z.object({
  counts: z.object({
    rows: z.number().int().nonnegative(),
    /** Rows that become events (dry run) or were ingested (real run). */
    accepted: z.number().int().nonnegative(),
    /** Of those, events stored before: importing a file again changes nothing. */
    duplicates: z.number().int().nonnegative(),
    refused: z.number().int().nonnegative(),
  }),
  refusals: z.array(ImportRefusal),
});
export type ImportBatchResult = z.infer<typeof ImportBatchResult>;
