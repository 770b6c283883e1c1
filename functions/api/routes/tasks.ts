import { CompleteStepBody } from '../../../shared/api/tasks';
import { actorOf, json, type RouteContext, type RouteHandler } from '../context';
import { missing, outOfScope } from '../errors';
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
