import { z } from 'zod';

/**
 * The right of access (AVG art. 15): everything Presentie holds about one student, as the
 * attendance officer hands it over on request. Records are given as stored (their own fields),
 * without the table's key attributes; `keptUntil` is the date the store erases them (its TTL).
 * Fields named here are the ones the printed document shows; the rest of each record comes along.
 */
const kept = { keptUntil: z.string().nullable() };
const record = <T extends z.ZodRawShape>(shape: T) => z.looseObject({ ...shape, ...kept });

export const AccessRegistration = z.object({
  registrationId: z.string(),
  revision: z.number(),
  /** A deletion the presence system sent: only its place and revision remain. */
  deleted: z.boolean(),
  date: z.string().nullable(),
  /** The lesson as stored: status, times, reason, notice, decision and its classification. */
  lesson: z.looseObject({ status: z.string(), start: z.string(), end: z.string() }).nullable(),
  /** Read back from the archive of a closed school year (S3), not from the table. */
  archived: z.boolean().optional(),
  ...kept,
});

/** A school week of an archived year (issue #12): the totals kept in the table (AP 71). */
export const AccessArchivedWeek = record({
  schoolYear: z.string(),
  weekStart: z.string(),
  lessons: z.number(),
  presentMinutes: z.number(),
  authorizedMinutes: z.number(),
  unauthorizedMinutes: z.number(),
});

export const AccessReport = record({
  reportId: z.string(),
  status: z.string(),
  createdOn: z.string(),
  from: z.string(),
  to: z.string(),
  unauthorizedMinutes: z.number(),
  actions: z.array(
    z.looseObject({ action: z.string(), explanation: z.string(), by: z.string(), at: z.string() }),
  ),
});

export const AccessTask = record({
  taskId: z.string(),
  kind: z.string(),
  status: z.string(),
  createdOn: z.string(),
  explanation: z.string(),
});

export const AccessCase = record({ caseId: z.string(), status: z.string(), leftOn: z.string() });

export const AccessLetter = record({
  letterId: z.string(),
  createdOn: z.string(),
  subject: z.string(),
  html: z.string(),
});

export const AccessMail = z.object({
  mailId: z.string(),
  kind: z.string(),
  /** The subject; in a mail about several students, with only this student's name. */
  subject: z.string(),
  /** The recipients' roles (coach, attendance officer, student, guardian, ...), not their addresses. */
  recipients: z.array(z.string()),
  createdAt: z.string(),
  status: z.string(),
  sentAt: z.string().nullable(),
  /** How many other students the same mail was about (a combined mail to a coach). */
  otherStudents: z.number(),
  ...kept,
});

/** One line of a night's 8-hour list on the officer's worklist: only this student's line. */
export const AccessEightHourLine = z.object({
  taskId: z.string(),
  createdOn: z.string(),
  status: z.string(),
  unauthorizedMinutes: z.number(),
  from: z.string(),
  to: z.string(),
  ...kept,
});

export const AccessAuditEntry = z.object({
  at: z.string(),
  by: z.string(),
  byName: z.string().nullable(),
  what: z.string(),
  entity: z.string(),
  entityId: z.string(),
  ...kept,
});

/** Data the system keeps while working: events waiting for the student, luxury-absence hints, a failed nightly evaluation. */
export const AccessOther = z.object({
  kind: z.enum(['pending_event', 'luxury_hint', 'nightly_failure']),
  date: z.string(),
  details: z.record(z.string(), z.unknown()),
  ...kept,
});

export const AccessExport = z.object({
  exportedAt: z.string(),
  exportedBy: z.object({ staffId: z.string(), name: z.string() }),
  student: record({ studentId: z.string(), displayName: z.string() }),
  signalState: z.record(z.string(), z.unknown()).nullable(),
  /** Live lessons and archived ones (read back from the archive, `archived: true`). */
  registrations: z.array(AccessRegistration),
  archivedWeeks: z.array(AccessArchivedWeek).optional(),
  eightHourLists: z.array(AccessEightHourLine),
  reports: z.array(AccessReport),
  tasks: z.array(AccessTask),
  cases: z.array(AccessCase),
  letters: z.array(AccessLetter),
  mails: z.array(AccessMail),
  audit: z.array(AccessAuditEntry),
  other: z.array(AccessOther),
});
export type AccessExport = z.infer<typeof AccessExport>;
export type AccessRegistration = z.infer<typeof AccessRegistration>;
export type AccessMail = z.infer<typeof AccessMail>;
export type AccessAuditEntry = z.infer<typeof AccessAuditEntry>;
export type AccessOther = z.infer<typeof AccessOther>;
export type AccessEightHourLine = z.infer<typeof AccessEightHourLine>;
