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
/** A staff member as the dashboard shows them: by name, never by id alone. */
export const StaffName = z.object({ staffId: z.string(), name: z.string() });
export type StaffName = z.infer<typeof StaffName>;
export const TaskRole = z.enum(['attendance_officer', 'front_office', 'admin']);
export type TaskRole = z.infer<typeof TaskRole>;

export const Task = z.object({
  taskId: z.string(),
  kind: TaskKind,
  /** Whose shared queue it is in: only staff of this role can own it. */
  role: TaskRole,
  status: TaskStatus,
  /** Who took the task or was given it; null: nobody yet. */
  owner: StaffName.nullable(),
  student: StudentRef.nullable(),
  coach: StaffName.nullable(),
  team: z.object({ orgUnitId: z.string(), name: z.string() }).nullable(),
  createdOn: IsoDate,
  dueOn: IsoDate.nullable(),
  /** A correction: the period the front office corrects. */
  period: z.object({ from: IsoDate, to: IsoDate }).nullable(),
  explanation: z.string().nullable(),
  reportId: z.string().nullable(),
  duoStatus: DuoStatus.nullable(),
  /** `signal8_list`: the students of the night's list. */
  eightHours: z.array(EightHourLine).optional(),
  /** The note given with the last change of status (e.g. when marked done). */
  note: z.string().nullable().optional(),
  /** The student is on Route-X (the internal norm): labelled; such a student is never reported to DUO. */
  routeX: z.boolean().optional(),
  /** Its due date has passed and it is not done. */
  overdue: z.boolean(),
  /** DUO's end date of the report: proposed ("register the end date") or confirmed. */
  duoEndDate: z
    .object({ date: IsoDate, why: z.enum(['back_at_school', 'left']), confirmed: z.boolean() })
    .nullable()
    .optional(),
});
export type Task = z.infer<typeof Task>;

/** The owner filter: mine, nobody's, or a colleague's staff id. */
export const OWNER_FILTERS = ['mine', 'nobody'] as const;

export const Worklist = z.object({
  items: z.array(Task),
  nextCursor: Cursor,
  /** The staff sharing a worklist role with the reader: owners to filter on and to give a task to. */
  colleagues: z.array(StaffName.extend({ roles: z.array(TaskRole) })),
  /** The teams and departments to filter on, by name. */
  units: z.array(z.object({ orgUnitId: z.string(), name: z.string(), kind: z.enum(['department', 'team']) })),
});
export type Worklist = z.infer<typeof Worklist>;

export const TaskStatusBody = z.object({ status: TaskStatus, note: z.string().max(2000).optional() });
export const DuoStatusBody = z.object({ status: DuoStatus, reason: z.string().max(2000).optional() });
/** `null` gives the task back to its role's shared queue. */
export const TaskOwnerBody = z.object({ ownerId: z.string().min(1).nullable() });
export const DuoEndDateBody = z.object({ date: IsoDate });
