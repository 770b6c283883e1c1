import { z } from 'zod';
import { Cursor, IsoDate, StudentRef } from './common';
import { DUO_STATUSES, TASK_KINDS, TASK_STATUSES } from './constants';

export { TASK_KINDS };

export const TaskKind = z.enum(TASK_KINDS);
export type TaskKind = z.infer<typeof TaskKind>;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;
export const DuoStatus = z.enum(DUO_STATUSES);
export type DuoStatus = z.infer<typeof DuoStatus>;

export const Task = z.object({
  taskId: z.string(),
  kind: TaskKind,
  status: TaskStatus,
  student: StudentRef.nullable(),
  createdOn: IsoDate,
  dueOn: IsoDate.nullable(),
  explanation: z.string().nullable(),
  reportId: z.string().nullable(),
  duoStatus: DuoStatus.nullable(),
  /** Past `dueOn` and not done (a DUO report: not yet registered by DUO). */
  overdue: z.boolean().optional(),
  /** DUO's end date of the report: proposed ("register the end date") or confirmed. */
  duoEndDate: z
    .object({ date: IsoDate, why: z.enum(['back_at_school', 'left']), confirmed: z.boolean() })
    .nullable()
    .optional(),
});
export type Task = z.infer<typeof Task>;

export const Worklist = z.object({ items: z.array(Task), nextCursor: Cursor });
export type Worklist = z.infer<typeof Worklist>;

export const TaskStatusBody = z.object({ status: TaskStatus, note: z.string().max(2000).optional() });
export const DuoStatusBody = z.object({ status: DuoStatus, reason: z.string().max(2000).optional() });
export const DuoEndDateBody = z.object({ date: IsoDate });
