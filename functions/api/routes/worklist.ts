import { DuoStatusBody, TASK_KINDS, type TaskKind, TaskStatusBody } from '../../../shared/api/worklist';
import { translate } from '../../../shared/i18n';
import { hasRole } from '../../auth/principal';
import { actorOf, auditList, json, type RouteHandler } from '../context';
import { forbidden, notFound } from '../errors';
import { cursorOf, PAGE_SIZE } from '../paging';
import { parseBody } from '../validate';

/** The system's own tasks (a mail SES keeps refusing): administrators' only. */
const ADMIN_KINDS: readonly TaskKind[] = ['undeliverable_mail'];

/** Front office sees only correction tasks; attendance officers the rest too; admins also their own. */
function kindsFor(ctx: Parameters<RouteHandler>[0]): TaskKind[] {
  if (hasRole(ctx.principal, 'admin')) return [...TASK_KINDS];
  if (hasRole(ctx.principal, 'attendance_officer')) return TASK_KINDS.filter((k) => !ADMIN_KINDS.includes(k));
  return ['correction'];
}

export const worklist: RouteHandler = async (ctx) => {
  const allowed = kindsFor(ctx);
  const asked = ctx.query.kind;
  if (asked && !allowed.includes(asked as TaskKind)) throw forbidden();
  const kinds = asked ? [asked as TaskKind] : allowed;
  const page = await ctx.data.listTasks(kinds, cursorOf(ctx.query), PAGE_SIZE);
  await auditList(
    ctx,
    `worklist:${asked ?? 'all'}`,
    {},
    page.items.flatMap((t) => (t.student ? [t.student.studentId] : [])),
  );
  return json(page);
};

export const taskStatus: RouteHandler = async (ctx) => {
  const body = parseBody(TaskStatusBody, ctx.body);
  const allowed = kindsFor(ctx);
  const task = await ctx.data.getTask(ctx.params.taskId as string);
  if (!task) throw notFound('task not found');
  if (!allowed.includes(task.kind)) throw forbidden();
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
  const { csv, studentIds } = await ctx.data.exportDuoCsv(ctx.now);
  await auditList(ctx, 'duo-export', {}, studentIds);
  return { csv, filename: translate('nl', 'duo.exportFile') };
};
