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

/** A student on the night's 8-hour list (`signal8_list`). */
export const EightHourLine = z.object({
  student: StudentRef,
  coachName: z.string(),
  unauthorizedMinutes: z.number().int(),
  from: IsoDate,
  to: IsoDate,
});
export type EightHourLine = z.infer<typeof EightHourLine>;

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
  /** `signal8_list`: the students of the night's list. */
  eightHours: z.array(EightHourLine).optional(),
  /** The note given with the last change of status (e.g. when marked done). */
  note: z.string().nullable().optional(),
  /** The student is on Route-X (the internal norm): labelled; such a student is never reported to DUO. */
  routeX: z.boolean().optional(),
});
export type Task = z.infer<typeof Task>;

export const Worklist = z.object({ items: z.array(Task), nextCursor: Cursor });
export type Worklist = z.infer<typeof Worklist>;

export const TaskStatusBody = z.object({ status: TaskStatus, note: z.string().max(2000).optional() });
export const DuoStatusBody = z.object({ status: DuoStatus, reason: z.string().max(2000).optional() });
