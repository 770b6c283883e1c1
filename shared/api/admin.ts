import { z } from 'zod';
import { IsoDate } from './common';

export const AdminPage = z.object({
  notices: z.array(z.object({ date: IsoDate, kind: z.string(), text: z.string() })),
  calendar: z.object({
    schoolYear: z.string().nullable(),
    holidays: z.array(z.object({ name: z.string(), from: IsoDate, to: IsoDate })),
    /** The last day the calendar covers; the nightly run refuses dates after it. */
    endsOn: IsoDate,
    /** Whole weeks from today to `endsOn` (negative once past it). */
    weeksLeft: z.number().int(),
    /** School weeks after this week still in the calendar. */
    schoolWeeksLeft: z.number().int().nonnegative(),
    /** The calendar ends within 8 weeks (or has ended): the dashboard shows administrators a banner. */
    endsSoon: z.boolean(),
    /** Whether today lies in the calendar at all. */
    covered: z.boolean(),
  }),
  normProfiles: z.array(z.object({ id: z.string(), description: z.string() })),
  mails: z.array(z.object({ id: z.string(), lang: z.string(), subject: z.string(), text: z.string() })),
});
export type AdminPage = z.infer<typeof AdminPage>;
