import { z } from 'zod';

/** `YYYY-MM-DD`, a real calendar date, in the school's local time. */
export const isoDate = z.iso.date({ error: 'expected a date YYYY-MM-DD' });
/** `HH:MM`, 00:00 to 23:59. */
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time HH:MM' });

/**
 * Ids are opaque strings of 1 to 128 characters (event ids, and the ids of students, staff, org
 * units and registrations). `#` and `~` are refused because they delimit table keys; whitespace,
 * control characters and invisible formatting characters (bidirectional overrides, zero-width
 * characters) because an id is shown, logged and compared, and two ids must not look alike.
 */
export const id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^#~\s\p{Cc}\p{Cf}]+$/u, {
    error: 'expected an id without spaces, control characters, "#" or "~"',
  });

/**
 * Characters a name never keeps: control characters (line breaks among them), the line and
 * paragraph separators, and the bidirectional marks, embeddings, overrides and isolates that
 * could turn a name around in a mail subject or on the dashboard.
 */
const UNSAFE_IN_NAME = /[\p{Cc}\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** A name as we keep it: line breaks and tabs become spaces, unsafe characters go, whitespace collapses. */
export const cleanName = (raw: string): string =>
  raw.replace(/\s+/g, ' ').replace(UNSAFE_IN_NAME, '').replace(/\s+/g, ' ').trim();

/**
 * A person's or an org unit's name, cleaned at ingestion (cleanName); refused when nothing is
 * left of it, so that no one is shown, or mailed about, under an empty name.
 */
export const cleanedName = z
  .string()
  .max(200)
  .transform(cleanName)
  .pipe(z.string().min(1, { error: 'expected a name with visible characters' }));

export const minutesOf = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
