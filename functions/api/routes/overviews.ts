import { OverviewKind, OverviewQuery } from '../../../shared/api/overviews';
import { toCsv } from '../../csv';
import { addDays, localDate } from '../../domain/dates';
import { auditList, json, type RouteContext, type RouteHandler } from '../context';
import { badRequest, missing, notFound, outOfScope } from '../errors';
import { cursorOf, PAGE_SIZE } from '../paging';
import { canSeeUnit, seesWholeInstitution, unitsBelow, visibleUnitIds } from '../scope';

/** The period an overview covers when none is asked for. */
const OVERVIEW_DAYS = 28;

async function filterOf(ctx: RouteContext) {
  const kind = OverviewKind.safeParse(ctx.params.kind);
  if (!kind.success) throw notFound('unknown overview');
  const query = OverviewQuery.safeParse(ctx.query);
  if (!query.success) throw badRequest('invalid query');
  const units = await ctx.units();
  const { unitId, from, to } = query.data;
  let teamIds: string[] | 'all';
  if (unitId) {
    if (!units.some((u) => u.orgUnitId === unitId)) throw missing(ctx.principal, `unit:${unitId}`);
    if (!canSeeUnit(ctx.principal, unitId, units)) throw outOfScope(`unit:${unitId}`);
    teamIds = [...unitsBelow(units, [unitId])];
  } else {
    teamIds = seesWholeInstitution(ctx.principal) ? 'all' : [...unitsBelow(units, ctx.principal.orgUnitIds)];
  }
  const visible = visibleUnitIds(ctx.principal, units);
  const choices = units
    .filter((u) => visible === null || visible.has(u.orgUnitId))
    .map((u) => ({ orgUnitId: u.orgUnitId, name: u.name, kind: u.kind }))
    .sort((a, b) => a.name.localeCompare(b.name));
  // The period is settled here (by default the last 28 days) so that the audit entry names it.
  const today = localDate(ctx.now);
  const period = { from: from ?? addDays(today, -OVERVIEW_DAYS), to: to ?? today };
  const names = new Map(units.map((u) => [u.orgUnitId, u.name]));
  const teamName = (teamId: string) => names.get(teamId) ?? teamId;
  return {
    kind: kind.data,
    choices,
    unitId: unitId ?? null,
    filter: { teamIds, ...period },
    period,
    teamName,
  };
}

export const overview: RouteHandler = async (ctx) => {
  const { kind, filter, choices, unitId, period, teamName } = await filterOf(ctx);
  const page = await ctx.data.overview(kind, filter, cursorOf(ctx.query), PAGE_SIZE, ctx.now);
  await auditList(
    ctx,
    `overview:${kind}`,
    { unitId, ...period },
    page.items.map((r) => r.student.studentId),
  );
  const rows = page.items.map((r) => ({ ...r, teamName: teamName(r.student.teamId) }));
  return json({ kind, rows, nextCursor: page.nextCursor, units: choices });
};

export const overviewCsv: RouteHandler = async (ctx) => {
  const { kind, filter, unitId, period, teamName } = await filterOf(ctx);
  const rows = [];
  let cursor: string | null = null;
  do {
    const page = await ctx.data.overview(kind, filter, cursor, 500, ctx.now);
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  await auditList(
    ctx,
    `overview-csv:${kind}`,
    { unitId, ...period },
    rows.map((r) => r.student.studentId),
  );
  const csv = toCsv(
    ['studentId', 'name', 'team', 'date', 'detail', 'minutes', 'routeX'].map((key) => ({ key, header: key })),
    rows.map((r) => ({
      studentId: r.student.studentId,
      name: r.student.displayName,
      // The page shows the team's name; the file says the same (a reader knows no unit ids).
      team: teamName(r.student.teamId),
      date: r.date,
      detail: r.detail,
      minutes: r.minutes ?? '',
      routeX: r.routeX ? 'ja' : 'nee',
    })),
  );
  return { csv, filename: `${kind}.csv` };
};
