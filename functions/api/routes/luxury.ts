import { LuxuryReportBody } from '../../../shared/api/luxury';
import { actorOf, auditList, json, type RouteHandler } from '../context';
import { missing, outOfScope } from '../errors';
import { canSeeStudent } from '../scope';
import { parseBody } from '../validate';

/** The attendance officer reports luxury absence from the student's page. */
export const luxuryReport: RouteHandler = async (ctx) => {
  const body = parseBody(LuxuryReportBody, ctx.body);
  const studentId = ctx.params.studentId as string;
  const student = await ctx.data.getStudent(studentId);
  if (!student) throw missing(ctx.principal, `student:${studentId}`);
  if (!canSeeStudent(ctx.principal, student, await ctx.units())) throw outOfScope(`student:${studentId}`);
  const result = await ctx.data.createLuxuryReport({
    studentId,
    from: body.from,
    to: body.to,
    days: body.days,
    note: body.note,
    actor: actorOf(ctx),
    now: ctx.now,
  });
  return json(result);
};

/** The worklist's "Mogelijk luxe verzuim": a list of students, so its read is audited as one. */
export const luxuryHints: RouteHandler = async (ctx) => {
  const page = await ctx.data.luxuryHints(ctx.now);
  await auditList(
    ctx,
    'luxury-hints',
    { from: page.from, to: page.to },
    page.hints.map((h) => h.student.studentId),
  );
  return json(page);
};
