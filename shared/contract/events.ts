import { z } from 'zod';
import { REASONS } from '../policy/types';
import { cleanedName, id, isoDate, localTime, minutesOf } from './primitives';

/** Schemas of the presence webhook's events: /work/shared/contract/presence-webhook.md. */

export const orgUnitUpserted = z
  .object({
    orgUnitId: id,
    name: cleanedName,
    kind: z.enum(['institution', 'department', 'team']),
    parentId: id.nullable(),
  })
  .strict();

export const STAFF_ROLES = ['coach', 'manager', 'attendance_officer', 'front_office', 'admin'] as const;
export const staffUpserted = z
  .object({
    staffId: id,
    name: cleanedName,
    email: z.email(),
    roles: z.array(z.enum(STAFF_ROLES)).max(STAFF_ROLES.length),
    orgUnitIds: z.array(id).max(1000),
  })
  .strict();

export const studentUpserted = z
  .object({
    studentId: id,
    displayName: cleanedName,
    email: z.email(),
    birthDate: isoDate,
    teamId: id,
    coachId: id,
    level: z.enum(['entree', '2', '3', '4']),
    pathway: z.enum(['BOL', 'BBL']),
    routeX: z.boolean(),
    startQualification: z.boolean(),
    guardianEmail: z.email().optional(),
    /**
     * Personal data: the education number (onderwijsnummer) or BSN, for the DUO report only.
     * Optional: events without it stay valid. Never logged, never mailed, never in the dashboard.
     */
    educationNumber: z
      .string()
      .regex(/^\d{9}$/, 'a 9-digit onderwijsnummer or BSN')
      .optional(),
    enrolledFrom: isoDate,
    enrolledUntil: isoDate.nullable().optional(),
  })
  .strict();

export const notice = z
  .object({
    channel: z.enum(['phone', 'email', 'desk', 'none']),
    reportedBy: z.enum(['student', 'parent', 'coach', 'front_office', 'employer']),
    proof: z.boolean(),
    approvedBy: z.enum(['coach', 'manager']).optional(),
    beforeExam: z.boolean().optional(),
  })
  .strict();

/**
 * The highest revision accepted: 2^31 - 1, a signed 32-bit counter's limit. The contract asks
 * for an integer >= 0 that grows with each correction; a revision far beyond any counter would
 * make the registration's later corrections stale for ever (docs/data-model.md).
 */
export const MAX_REVISION = 2 ** 31 - 1;
const revision = z.number().int().min(0).max(MAX_REVISION);

export const registrationUpserted = z
  .object({
    registrationId: id,
    revision,
    studentId: id,
    date: isoDate,
    start: localTime,
    end: localTime,
    status: z.enum(['present', 'absent', 'late', 'left_early']),
    minutesMissed: z.number().int().min(0).optional(),
    reason: z.enum(REASONS).optional(),
    notice: notice.optional(),
    decision: z.enum(['authorized', 'unauthorized']).optional(),
  })
  .strict()
  .superRefine((reg, ctx) => {
    const length = minutesOf(reg.end) - minutesOf(reg.start);
    if (length <= 0) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must be after start' });
    }
    if ((reg.status === 'late' || reg.status === 'left_early') && reg.minutesMissed === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['minutesMissed'],
        message: `required when status is ${reg.status}`,
      });
    }
    if (reg.minutesMissed !== undefined && length > 0 && reg.minutesMissed > length) {
      ctx.addIssue({
        code: 'custom',
        path: ['minutesMissed'],
        message: `at most the lesson's length (${length} minutes)`,
      });
    }
  });

export const registrationDeleted = z.object({ registrationId: id, revision }).strict();

export const studentLeft = z
  .object({
    studentId: id,
    date: isoDate,
    diplomaObtained: z.boolean(),
    reason: z.string().max(500).optional(),
  })
  .strict();

export const portalNotice = z
  .object({ date: isoDate, kind: z.literal('severe_weather'), text: z.string().max(2000) })
  .strict();

/** The envelope is strict like `data`: an unknown field is a typo or a contract we do not know. */
const envelope = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z
    .object({
      id,
      type: z.literal(type),
      occurredAt: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time with offset' }),
      data,
    })
    .strict();

export const presenceEvent = z.discriminatedUnion('type', [
  envelope('orgunit.upserted', orgUnitUpserted),
  envelope('staff.upserted', staffUpserted),
  envelope('student.upserted', studentUpserted),
  envelope('registration.upserted', registrationUpserted),
  envelope('registration.deleted', registrationDeleted),
  envelope('student.left', studentLeft),
  envelope('portal.notice', portalNotice),
]);

export type PresenceEvent = z.infer<typeof presenceEvent>;
export type EventType = PresenceEvent['type'];
export type EventOf<T extends EventType> = Extract<PresenceEvent, { type: T }>;
export type OrgUnitData = z.infer<typeof orgUnitUpserted>;
export type StaffData = z.infer<typeof staffUpserted>;
export type StudentData = z.infer<typeof studentUpserted>;
export type RegistrationData = z.infer<typeof registrationUpserted>;
export type RegistrationDeletedData = z.infer<typeof registrationDeleted>;
export type StudentLeftData = z.infer<typeof studentLeft>;
export type PortalNoticeData = z.infer<typeof portalNotice>;
export type StaffRole = (typeof STAFF_ROLES)[number];
