import { actorOf, auditList, json, type RouteContext, type RouteHandler } from '../context';
import { missing, outOfScope } from '../errors';
import { cursorOf, PAGE_SIZE } from '../paging';
import { canSeeUnit, unitsBelow, visibleUnitIds } from '../scope';

export const kpi: RouteHandler = async (ctx) => {
  const units = await ctx.units();
  const page = await ctx.data.kpi(ctx.now);
  const visible = visibleUnitIds(ctx.principal, units);
  return json(
    visible === null ? page : { ...page, units: page.units.filter((u) => visible.has(u.orgUnitId)) },
  );
};

/** The unit asked for, within the caller's scope, and its teams (itself and everything below it). */
async function unitInScope(ctx: RouteContext) {
  const unitId = ctx.params.unitId as string;
  const units = await ctx.units();
  if (!units.some((u) => u.orgUnitId === unitId)) throw missing(ctx.principal, `unit:${unitId}`);
  if (!canSeeUnit(ctx.principal, unitId, units)) throw outOfScope(`unit:${unitId}`);
  return { unitId, units, teamIds: [...unitsBelow(units, [unitId])] };
}

export const unitReports: RouteHandler = async (ctx) => {
  const { unitId, units, teamIds } = await unitInScope(ctx);
  const page = await ctx.data.listUnitOpenReports(teamIds, cursorOf(ctx.query), PAGE_SIZE, ctx.now);
  await auditList(
    ctx,
    `unit-reports:${unitId}`,
    { unitId },
    page.items.map((r) => r.student.studentId),
  );
  const unitName = units.find((u) => u.orgUnitId === unitId)?.name;
  return json(unitName ? { ...page, unitName } : page);
};

/** The manager's reminder to a coach of the unit's open reports (the use case audits and mails it). */
export const remindCoach: RouteHandler = async (ctx) => {
  const { unitId, units, teamIds } = await unitInScope(ctx);
  const unitName = units.find((u) => u.orgUnitId === unitId)?.name ?? unitId;
  const reminder = await ctx.data.remindCoach({
    unitId,
    unitName,
    teamIds,
    coachId: ctx.params.coachId as string,
    actor: actorOf(ctx),
    now: ctx.now,
  });
  return json(reminder);
};
