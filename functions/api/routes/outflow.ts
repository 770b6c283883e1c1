import { OutflowStepBody } from '../../../shared/api/outflow';
import { actorOf, auditList, json, type RouteHandler } from '../context';
import { missing, outOfScope } from '../errors';
import { parseBody } from '../validate';

/** The coach's outflow cases: their own leavers only. */
export const coachOutflow: RouteHandler = async (ctx) => {
  const cases = await ctx.data.listOutflowCases(ctx.principal.staffId);
  await auditList(
    ctx,
    'coach-outflow',
    {},
    cases.map((c) => c.student.studentId),
  );
  return json({ cases });
};

/** A step of the coach's own case; another coach's case is out of scope. */
export const outflowStep: RouteHandler = async (ctx) => {
  const body = parseBody(OutflowStepBody, ctx.body);
  const caseId = ctx.params.caseId as string;
  const outflow = await ctx.data.getOutflowCase(caseId);
  if (!outflow) throw missing(ctx.principal, `case:${caseId}`);
  if (outflow.coachId !== ctx.principal.staffId) throw outOfScope(`case:${caseId}`);
  await ctx.data.markOutflowStep({
    caseId,
    step: body.step,
    ...(body.note ? { note: body.note } : {}),
    actor: actorOf(ctx),
    now: ctx.now,
  });
  return json({ cases: await ctx.data.listOutflowCases(ctx.principal.staffId) });
};
