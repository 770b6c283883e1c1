import { z } from 'zod';

/** `YYYY-MM-DD`, a real calendar date, in the school's local time. */
export const isoDate = z.iso.date({ error: 'expected a date YYYY-MM-DD' });
/** `HH:MM`, 00:00 to 23:59. */
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time HH:MM' });
/** Ids are opaque strings; `#` and `~` are refused because they delimit table keys. */
export const id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^#~\s]+$/, { error: 'expected an id without spaces, "#" or "~"' });

export const minutesOf = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
