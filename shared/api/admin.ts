import { z } from 'zod';
import { IsoDate } from './common';

export const AdminPage = z.object({
  notices: z.array(z.object({ date: IsoDate, kind: z.string(), text: z.string() })),
  calendar: z.object({
    schoolYear: z.string().nullable(),
    holidays: z.array(z.object({ name: z.string(), from: IsoDate, to: IsoDate })),
  }),
  normProfiles: z.array(z.object({ id: z.string(), description: z.string() })),
  mails: z.array(z.object({ id: z.string(), lang: z.string(), subject: z.string(), text: z.string() })),
});
export type AdminPage = z.infer<typeof AdminPage>;
