import { CompleteStepBody } from '../../../shared/api/tasks';
import { addDays, defaultCalendar, isIsoDate } from '../../../shared/calendar';
import { localDate } from '../../domain/dates';
import { actorOf, auditList, json, type RouteContext, type RouteHandler } from '../context';
import { badRequest, missing, outOfScope } from '../errors';
import { parseBody } from '../validate';
import { kindsFor } from './worklist';

/** A task of a kind the caller's worklist holds (the officer's, the front office's own); else refused like a missing one. */
async function taskInScope(ctx: RouteContext) {
  const taskId = ctx.params.taskId as string;
  const detail = await ctx.data.taskDetail(taskId, ctx.now);
  if (!detail) throw missing(ctx.principal, `task:${taskId}`);
  if (!kindsFor(ctx).includes(detail.kind)) throw outOfScope(`task:${taskId}`);
  return detail;
}

export const task: RouteHandler = async (ctx) => {
  const detail = await taskInScope(ctx);
  if (detail.student) {
    await ctx.data.audit({
      at: ctx.now.toISOString(),
      staffId: ctx.principal.staffId,
      action: 'read',
      subject: `task:${detail.taskId}`,
      studentId: detail.student.studentId,
    });
  }
  return json(detail);
};

export const completeStep: RouteHandler = async (ctx) => {
  const body = parseBody(CompleteStepBody, ctx.body);
  const detail = await taskInScope(ctx);
  await ctx.data.completeStep({
    taskId: detail.taskId,
    step: body.step,
    outcome: body.outcome,
    ...(body.date ? { date: body.date } : {}),
    ...(body.note ? { note: body.note } : {}),
    actor: actorOf(ctx),
    now: ctx.now,
  });
  return json(await ctx.data.taskDetail(detail.taskId, ctx.now));
};

/** The auditor's archive: the letters made in a period (default: this school year so far). */
export const letters: RouteHandler = async (ctx) => {
  const today = localDate(ctx.now);
  const from = ctx.query.from ?? defaultCalendar.schoolYearAt(today)?.firstDay ?? addDays(today, -365);
  const to = ctx.query.to ?? today;
  if (!isIsoDate(from) || !isIsoDate(to)) throw badRequest('from and to are dates (YYYY-MM-DD)');
  const items = await ctx.data.letters(from, to);
  await auditList(
    ctx,
    'letters',
    { from, to },
    items.flatMap((l) => (l.student ? [l.student.studentId] : [])),
  );
  return json({ items });
};

export const letter: RouteHandler = async (ctx) => {
  const letterId = ctx.params.letterId as string;
  const found = await ctx.data.getLetter(letterId);
  if (!found) throw missing(ctx.principal, `letter:${letterId}`);
  if (found.student) {
    await ctx.data.audit({
      at: ctx.now.toISOString(),
      staffId: ctx.principal.staffId,
      action: 'read',
      subject: `letter:${letterId}`,
      studentId: found.student.studentId,
    });
  }
  return json(found);
};
