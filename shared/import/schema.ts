import { z } from 'zod';
import { REASONS } from '../policy/types';
import { FIELDS, IMPORT_KINDS, type ImportField } from './fields';
import type { Mapping } from './mapping';

const allFields = [...new Set(Object.values(FIELDS).flat())] as [ImportField, ...ImportField[]];
const time = z.string().regex(/^\d{1,2}[:.]\d{2}$/);

/** A mapping file (`--mapping M.json`) or the column picker's answer, checked. */
export const mappingSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    columns: z.record(z.string(), z.enum(allFields)),
    codes: z
      .record(
        z.string(),
        z
          .object({
            status: z.enum(['present', 'absent', 'late', 'left_early']),
            reason: z.enum(REASONS).optional(),
            decision: z.enum(['authorized', 'unauthorized']).optional(),
            label: z.string().max(200).optional(),
          })
          .strict(),
      )
      .default({}),
    dateFormat: z.enum(['auto', 'dd-mm-jjjj', 'jjjj-mm-dd']).default('auto'),
    lessonTimes: z.record(z.string(), z.object({ start: time, end: time }).strict()).optional(),
    defaults: z.partialRecord(z.enum(allFields), z.string()).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const allowed = new Set<string>(FIELDS[m.kind]);
    for (const [column, field] of Object.entries(m.columns)) {
      if (!allowed.has(field))
        ctx.addIssue({
          code: 'custom',
          path: ['columns', column],
          message: `no field ${field} in a ${m.kind} file`,
        });
    }
  }) satisfies z.ZodType<Mapping, unknown>;
