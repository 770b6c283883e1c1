import type { Principal } from '../auth/principal';
import { type SeenStudents, seenStudents } from '../domain/audit';
import type { ApiData, ImportPort, OrgUnitRecord } from './ports';

export interface RouteContext {
  principal: Principal;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: unknown;
  data: ApiData;
  /** The import's batches (absent where the API was built without it). */
  imports?: ImportPort;
  now: Date;
  /** The org tree, read once per request when a route needs it. */
  units(): Promise<OrgUnitRecord[]>;
}

export type RouteResult =
  | { json: unknown }
  | { csv: string; filename: string }
  /** A document to read or print in the browser (the access export). */
  | { html: string };
export type RouteHandler = (ctx: RouteContext) => Promise<RouteResult>;

export const json = (value: unknown): RouteResult => ({ json: value });

export const actorOf = (ctx: RouteContext) => ({
  staffId: ctx.principal.staffId,
  name: ctx.principal.name,
  email: ctx.principal.email,
});

/**
 * A list or an export of students' data was read: one audit entry for the request, filed under
 * the reader, with what it showed (the unit and period asked for, the students on it).
 */
export function auditList(
  ctx: RouteContext,
  subject: string,
  scope: { unitId?: string | null; from?: string | null; to?: string | null },
  studentIds: Iterable<string>,
): Promise<void> {
  const seen: SeenStudents = seenStudents(scope, studentIds);
  return ctx.data.audit({
    at: ctx.now.toISOString(),
    staffId: ctx.principal.staffId,
    action: 'read',
    subject,
    seen,
  });
}
