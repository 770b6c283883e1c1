import type { Principal } from '../auth/principal';
import type { ApiData, OrgUnitRecord } from './ports';

export interface RouteContext {
  principal: Principal;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: unknown;
  data: ApiData;
  now: Date;
  /** The org tree, read once per request when a route needs it. */
  units(): Promise<OrgUnitRecord[]>;
}

export type RouteResult = { json: unknown } | { csv: string; filename: string };
export type RouteHandler = (ctx: RouteContext) => Promise<RouteResult>;

export const json = (value: unknown): RouteResult => ({ json: value });

export const actorOf = (ctx: RouteContext) => ({
  staffId: ctx.principal.staffId,
  name: ctx.principal.name,
  email: ctx.principal.email,
});

/** A list of students' data was read: one audit entry for the request, filed under the reader. */
export function auditList(ctx: RouteContext, subject: string): Promise<void> {
  return ctx.data.audit({
    at: ctx.now.toISOString(),
    staffId: ctx.principal.staffId,
    action: 'read',
    subject,
  });
}
