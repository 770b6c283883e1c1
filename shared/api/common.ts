import { z } from 'zod';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const Role = z.enum(['coach', 'manager', 'attendance_officer', 'front_office', 'admin']);
export type Role = z.infer<typeof Role>;
export const Lang = z.enum(['nl', 'en']);
export type Lang = z.infer<typeof Lang>;

export const ApiError = z.object({
  error: z.string(),
  issues: z.array(z.unknown()).optional(),
  /** A named domain error's code: its text is `error.<code>` in shared/i18n, filled with `values`. */
  code: z.string().optional(),
  values: z.record(z.string(), z.string()).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** An opaque cursor; absent when there is no next page. */
export const Cursor = z.string().nullable();

export const Colour = z.enum(['green', 'orange', 'red', 'none']);
export type Colour = z.infer<typeof Colour>;

export const StudentRef = z.object({
  studentId: z.string(),
  displayName: z.string(),
  teamId: z.string(),
  coachId: z.string(),
});
export type StudentRef = z.infer<typeof StudentRef>;

export const Me = z.object({
  staffId: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(Role),
  orgUnitIds: z.array(z.string()),
  /** Teams this person may pick on the coach's start page. */
  teams: z.array(z.object({ orgUnitId: z.string(), name: z.string() })),
});
export type Me = z.infer<typeof Me>;
