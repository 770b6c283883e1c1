import { z } from 'zod';
import { Colour, IsoDate } from './common';

export const KpiUnit = z.object({
  orgUnitId: z.string(),
  name: z.string(),
  kind: z.enum(['institution', 'department', 'team']),
  parentId: z.string().nullable(),
  depth: z.number().int(),
  norm: z.number().int(),
  realised: z.number().int(),
  percentage: z.number().nullable(),
  colour: Colour,
  /** Route-X reports (the internal norm) in the same window: not in norm/realised, no colour. */
  routeXNorm: z.number().int(),
  routeXRealised: z.number().int(),
});
export type KpiUnit = z.infer<typeof KpiUnit>;

export const KpiTrendPoint = z.object({ date: IsoDate, percentage: z.number().nullable() });

export const KpiPage = z.object({
  /** The date of the nightly run the figures are from (the night before that date's morning). */
  asOf: IsoDate.nullable(),
  units: z.array(KpiUnit),
  trend: z.array(KpiTrendPoint),
});
export type KpiPage = z.infer<typeof KpiPage>;
