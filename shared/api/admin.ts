import { z } from 'zod';
import { IsoDate } from './common';

export const AdminPage = z.object({
  notices: z.array(
    z.object({
      date: IsoDate,
      kind: z.string(),
      text: z.string(),
      textEn: z.string().optional(),
      /** `admin`: posted on the dashboard (and withdrawable there); absent: from the presence system. */
      source: z.literal('admin').optional(),
    }),
  ),
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
    /** The calendar in force, as the administrator edits it; `version` 0 is the bundled one. */
    version: z.number().int().nonnegative(),
    data: z.lazy(() => CalendarDataBody),
    /** Per school year, for the view: its summer holiday after it (none after the last) and its public holidays. */
    years: z.array(
      z.object({
        id: z.string(),
        firstDay: IsoDate,
        lastDay: IsoDate,
        holidays: z.array(z.object({ name: z.string(), from: IsoDate, to: IsoDate })),
        summer: z.object({ from: IsoDate, to: IsoDate }).nullable(),
        publicHolidays: z.array(z.object({ date: IsoDate, name: z.string() })),
        studyDays: z.array(z.object({ date: IsoDate, name: z.string() })),
      }),
    ),
  }),
  normProfiles: z.array(
    z.object({
      id: z.string(),
      /** Dutch (kept for older clients); the dashboard builds its text from the values below. */
      description: z.string(),
      name: z.object({ nl: z.string(), en: z.string() }),
      legalRules: z.boolean(),
      reportToDuo: z.boolean(),
      values: z.record(z.string(), z.number()),
      /** The fields the administrator may change (the law's are not among them). */
      editable: z.array(z.string()),
    }),
  ),
  normProfilesVersion: z.number().int().nonnegative(),
  mails: z.array(z.object({ id: z.string(), lang: z.string(), subject: z.string(), text: z.string() })),
});
export type AdminPage = z.infer<typeof AdminPage>;

// ── engineer M (#13): the administrator's edits ────────────────────────────

const Period = z.object({ name: z.string().min(1).max(100), from: IsoDate, to: IsoDate });

/** The school calendar as the administrator edits it (shared/calendar's `CalendarData`). */
export const CalendarDataBody = z.object({
  name: z.string().max(200).optional(),
  years: z
    .array(
      z.object({
        id: z.string().regex(/^\d{4}-\d{2}$/, 'a school year id like 2027-28'),
        firstDay: IsoDate,
        lastDay: IsoDate,
        holidays: z.array(Period).max(30),
      }),
    )
    .min(1)
    .max(20),
  publicHolidayRule: z.object({
    goodFriday: z.boolean(),
    liberationDay: z.enum(['always', 'lustrum', 'never']),
    fridayAfterAscension: z.boolean(),
  }),
  /** Study days (studiedagen) and other days off the school adds. */
  extraDaysOff: z.array(z.object({ date: IsoDate, name: z.string().min(1).max(100) })).max(200),
});
export type CalendarDataBody = z.infer<typeof CalendarDataBody>;

/** `version`: the version edited (0: the bundled calendar); a newer one stored answers 409. */
export const SaveCalendarBody = z.object({
  version: z.number().int().nonnegative(),
  calendar: CalendarDataBody,
});
export type SaveCalendarBody = z.infer<typeof SaveCalendarBody>;

export const NOTICE_KINDS = ['severe_weather', 'info'] as const;
/** At most a month of dates in one post. */
export const MAX_NOTICE_DAYS = 31;

export const PostNoticeBody = z
  .object({
    from: IsoDate,
    to: IsoDate.optional(),
    kind: z.enum(NOTICE_KINDS),
    text: z.string().trim().min(1).max(2000),
    textEn: z.string().trim().max(2000).optional(),
  })
  .refine((b) => !b.to || b.to >= b.from, { message: 'to lies before from', path: ['to'] })
  .refine((b) => !b.to || (Date.parse(b.to) - Date.parse(b.from)) / 86_400_000 < MAX_NOTICE_DAYS, {
    message: `at most ${MAX_NOTICE_DAYS} days`,
    path: ['to'],
  });
export type PostNoticeBody = z.infer<typeof PostNoticeBody>;

export const WithdrawNoticeBody = z.object({ date: IsoDate, kind: z.string().min(1).max(50) });
export type WithdrawNoticeBody = z.infer<typeof WithdrawNoticeBody>;

const count = z.number().int();
/** The values of one norm profile to change; the law's are refused (422) when changed. */
export const SaveProfileBody = z.object({
  version: z.number().int().nonnegative(),
  values: z
    .object({
      signalMinutes: count,
      reportMinutes: count,
      windowWeeks: count,
      reportDueWorkingDays: count,
      sickRepeatedCount: count,
      sickRepeatedWindowWeeks: count,
      sickLongDays: count,
      frequentCount: count,
      frequentWindowWeeks: count,
    })
    .partial(),
});
export type SaveProfileBody = z.infer<typeof SaveProfileBody>;

export const NoticesPosted = z.object({ dates: z.array(IsoDate) });
export const SettingSaved = z.object({ version: z.number().int() });
export const Done = z.object({ ok: z.literal(true) });
