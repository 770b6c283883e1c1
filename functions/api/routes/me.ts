import { json, type RouteHandler } from '../context';
import { seesWholeInstitution, unitsBelow } from '../scope';

export const me: RouteHandler = async (ctx) => {
  const p = ctx.principal;
  const units = await ctx.units();
  const below = seesWholeInstitution(p)
    ? new Set(units.map((u) => u.orgUnitId))
    : unitsBelow(units, p.orgUnitIds);
  const teams = units
    .filter((u) => u.kind === 'team' && below.has(u.orgUnitId))
    .map((u) => ({ orgUnitId: u.orgUnitId, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return json({
    staffId: p.staffId,
    name: p.name,
    email: p.email,
    roles: p.roles,
    orgUnitIds: p.orgUnitIds,
    teams,
  });
};
