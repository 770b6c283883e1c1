import { DuoStatusBody, TASK_KINDS, type TaskKind, TaskStatusBody } from '../../../shared/api/worklist';
import { translate } from '../../../shared/i18n';
import { hasRole } from '../../auth/principal';
import { actorOf, auditList, json, type RouteHandler } from '../context';
import { forbidden, notFound, outOfScope } from '../errors';
import { cursorOf, PAGE_SIZE } from '../paging';
import { parseBody } from '../validate';

/** Front office sees only correction tasks; attendance officers the rest too. */
function kindsFor(ctx: Parameters<RouteHandler>[0]): TaskKind[] {
  if (hasRole(ctx.principal, 'attendance_officer')) return [...TASK_KINDS];
  return ['correction'];
}

export const worklist: RouteHandler = async (ctx) => {
  const allowed = kindsFor(ctx);
  const asked = ctx.query.kind;
  if (asked && !allowed.includes(asked as TaskKind)) throw forbidden();
  const kinds = asked ? [asked as TaskKind] : allowed;
  const page = await ctx.data.listTasks(kinds, cursorOf(ctx.query), PAGE_SIZE);
  await auditList(ctx, `worklist:${asked ?? 'all'}`);
  return json(page);
};

export const taskStatus: RouteHandler = async (ctx) => {
  const body = parseBody(TaskStatusBody, ctx.body);
  const allowed = kindsFor(ctx);
  const task = await ctx.data.getTask(ctx.params.taskId as string);
  if (!task) throw notFound();
  if (!allowed.includes(task.kind)) throw outOfScope(`task:${task.taskId}`);
  await ctx.data.updateTaskStatus({
    taskId: ctx.params.taskId as string,
    status: body.status,
    actor: actorOf(ctx),
    now: ctx.now,
  });
  return json({ ok: true });
};

export const duoStatus: RouteHandler = async (ctx) => {
  const body = parseBody(DuoStatusBody, ctx.body);
  await ctx.data.recordDuoStatus({
    taskId: ctx.params.taskId as string,
    status: body.status,
    ...(body.reason ? { reason: body.reason } : {}),
    actor: actorOf(ctx),
    now: ctx.now,
  });
  return json({ ok: true });
};

export const duoExport: RouteHandler = async (ctx) => {
  await ctx.data.audit({
    at: ctx.now.toISOString(),
    staffId: ctx.principal.staffId,
    action: 'read',
    subject: 'duo-export',
  });
  return { csv: await ctx.data.exportDuoCsv(ctx.now), filename: translate('nl', 'duo.exportFile') };
};
