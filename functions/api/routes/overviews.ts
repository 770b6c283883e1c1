import { stringify } from 'csv-stringify/sync';
import { OverviewKind, OverviewQuery } from '../../../shared/api/overviews';
import { json, type RouteContext, type RouteHandler } from '../context';
import { badRequest, notFound, outOfScope } from '../errors';
import { cursorOf, PAGE_SIZE } from '../paging';
import { canSeeUnit, seesWholeInstitution, unitsBelow, visibleUnitIds } from '../scope';

async function filterOf(ctx: RouteContext) {
  const kind = OverviewKind.safeParse(ctx.params.kind);
  if (!kind.success) throw notFound('unknown overview');
  const query = OverviewQuery.safeParse(ctx.query);
  if (!query.success) throw badRequest('invalid query');
  const units = await ctx.units();
  const { unitId, from, to } = query.data;
  let teamIds: string[] | 'all';
  if (unitId) {
    if (!units.some((u) => u.orgUnitId === unitId)) throw notFound();
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
  return { kind: kind.data, choices, filter: { teamIds, ...(from ? { from } : {}), ...(to ? { to } : {}) } };
}

export const overview: RouteHandler = async (ctx) => {
  const { kind, filter, choices } = await filterOf(ctx);
  const page = await ctx.data.overview(kind, filter, cursorOf(ctx.query), PAGE_SIZE, ctx.now);
  await ctx.data.audit({
    at: ctx.now.toISOString(),
    staffId: ctx.principal.staffId,
    action: 'read',
    subject: `overview:${kind}`,
  });
  return json({ kind, rows: page.items, nextCursor: page.nextCursor, units: choices });
};

export const overviewCsv: RouteHandler = async (ctx) => {
  const { kind, filter } = await filterOf(ctx);
  const rows = [];
  let cursor: string | null = null;
  do {
    const page = await ctx.data.overview(kind, filter, cursor, 500, ctx.now);
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  await ctx.data.audit({
    at: ctx.now.toISOString(),
    staffId: ctx.principal.staffId,
    action: 'read',
    subject: `overview-csv:${kind}`,
  });
  const csv = stringify(
    rows.map((r) => [
      r.student.studentId,
      r.student.displayName,
      r.student.teamId,
      r.date,
      r.detail,
      r.minutes ?? '',
    ]),
    { header: true, columns: ['studentId', 'name', 'team', 'date', 'detail', 'minutes'] },
  );
  return { csv, filename: `${kind}.csv` };
};
