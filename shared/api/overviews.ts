import { z } from 'zod';
import { Cursor, IsoDate, StudentRef } from './common';
import { OVERVIEW_KINDS } from './constants';

export { OVERVIEW_KINDS };

export const OverviewKind = z.enum(OVERVIEW_KINDS);
export type OverviewKind = z.infer<typeof OverviewKind>;

export const OverviewQuery = z.object({
  unitId: z.string().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  cursor: z.string().optional(),
});

export const OverviewRow = z.object({
  student: StudentRef,
  date: IsoDate,
  detail: z.string(),
  minutes: z.number().int().nullable(),
  /** On the internal Route-X norm (the report's, else the student's): labelled, never legal figures. */
  routeX: z.boolean(),
  /** The presence overview's figure as a number (0-100), for the reader's own notation ("39,5 %"). */
  percentage: z.number().optional(),
  /** The student's team by name (its id when the unit is unknown). */
  teamName: z.string().optional(),
});
export type OverviewRow = z.infer<typeof OverviewRow>;

export const Overview = z.object({
  kind: OverviewKind,
  rows: z.array(OverviewRow),
  nextCursor: Cursor,
  /** The units one may filter on (those in scope), for the filter's list. */
  units: z.array(z.object({ orgUnitId: z.string(), name: z.string(), kind: z.string() })),
});
export type Overview = z.infer<typeof Overview>;
