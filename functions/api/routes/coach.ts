import { hasRole } from '../../auth/principal';
import { auditList, json, type RouteHandler } from '../context';
import { missing, outOfScope } from '../errors';
import { cursorOf, PAGE_SIZE } from '../paging';
import type { ReportFilter } from '../ports';
import { canSeeUnit, seesWholeInstitution, unitsBelow } from '../scope';

/** The coach's start page in one call: teams to pick from, open reports of the team, own students. */
export const coachPage: RouteHandler = async (ctx) => {
  const p = ctx.principal;
  const units = await ctx.units();
  const isCoach = hasRole(p, 'coach');
  const students = isCoach ? await ctx.data.listStudentsOfCoach(p.staffId) : [];
  const teamIds = new Set<string>(students.map((s) => s.teamId));
  if (!isCoach || seesWholeInstitution(p) || hasRole(p, 'manager')) {
    const below = seesWholeInstitution(p)
      ? new Set(units.map((u) => u.orgUnitId))
      : unitsBelow(units, p.orgUnitIds);
    for (const id of below) teamIds.add(id);
  }
  for (const id of p.orgUnitIds) teamIds.add(id);
  const teams = units
    .filter((u) => u.kind === 'team' && teamIds.has(u.orgUnitId))
    .map((u) => ({ orgUnitId: u.orgUnitId, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const teamId = ctx.query.teamId || null;
  if (teamId && !units.some((u) => u.orgUnitId === teamId)) throw missing(p, `unit:${teamId}`);
  if (teamId && !teamIds.has(teamId) && !canSeeUnit(p, teamId, units)) throw outOfScope(`unit:${teamId}`);

  const filter: ReportFilter = {};
  // A coach sees the reports of their own students; a manager those of the team.
  if (isCoach && !hasRole(p, 'manager')) filter.coachId = p.staffId;
  if (teamId) filter.teamIds = [teamId];
  else if (!filter.coachId && !seesWholeInstitution(p)) filter.teamIds = [...teamIds];
  const [page, groups] = await Promise.all([
    ctx.data.listOpenReports(filter, cursorOf(ctx.query), PAGE_SIZE, ctx.now),
    ctx.data.openReportGroups(filter, ctx.now),
  ]);
  const refs = students
    .map((s) => ({
      studentId: s.studentId,
      displayName: s.displayName,
      teamId: s.teamId,
      coachId: s.coachId,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  await auditList(ctx, `coach-page:${teamId ?? 'all'}`, { unitId: teamId }, [
    ...groups.map((g) => g.student.studentId),
    ...refs.map((s) => s.studentId),
  ]);
  return json({ teams, teamId, reports: page.items, nextCursor: page.nextCursor, students: refs, groups });
};

/** "Mijn studenten": the coach's own students with their current count; only their own. */
export const coachStudents: RouteHandler = async (ctx) => {
  const students = await ctx.data.coachStudents(ctx.principal.staffId, ctx.now);
  await auditList(
    ctx,
    'coach-students',
    {},
    students.map((s) => s.student.studentId),
  );
  return json({ students });
};
