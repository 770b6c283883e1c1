import {
  DuoEndDateBody,
  DuoStatusBody,
  TASK_KINDS,
  type TaskKind,
  TaskStatusBody,
} from '../../../shared/api/worklist';
import { translate } from '../../../shared/i18n';
import { hasRole } from '../../auth/principal';
import { actorOf, auditList, json, type RouteHandler } from '../context';
import { forbidden, missing, outOfScope } from '../errors';
import { cursorOf, PAGE_SIZE } from '../paging';
import { parseBody } from '../validate';

/** The system's own tasks (a mail SES keeps refusing): about no student, administrators' only. */
const ADMIN_KINDS: readonly TaskKind[] = ['undeliverable_mail'];
const STUDENT_KINDS = TASK_KINDS.filter((k) => !ADMIN_KINDS.includes(k));

/**
 * Front office sees only correction tasks, attendance officers every task about a student, and
 * administrators (who read no student data) only the system's own tasks.
 */
function kindsFor(ctx: Parameters<RouteHandler>[0]): TaskKind[] {
  const kinds = new Set<TaskKind>();
  if (hasRole(ctx.principal, 'attendance_officer')) for (const k of STUDENT_KINDS) kinds.add(k);
  if (hasRole(ctx.principal, 'front_office')) kinds.add('correction');
  if (hasRole(ctx.principal, 'admin')) for (const k of ADMIN_KINDS) kinds.add(k);
  return TASK_KINDS.filter((k) => kinds.has(k));
}

export const worklist: RouteHandler = async (ctx) => {
  const allowed = kindsFor(ctx);
  const asked = ctx.query.kind;
  if (asked && !allowed.includes(asked as TaskKind)) throw forbidden();
  const kinds = asked ? [asked as TaskKind] : allowed;
  const page = await ctx.data.listTasks(kinds, cursorOf(ctx.query), PAGE_SIZE, ctx.now);
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
  if (!task) throw missing(ctx.principal, `task:${ctx.params.taskId}`);
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

export const duoEndDate: RouteHandler = async (ctx) => {
  const body = parseBody(DuoEndDateBody, ctx.body);
  await ctx.data.confirmDuoEndDate({
    taskId: ctx.params.taskId as string,
    date: body.date,
    actor: actorOf(ctx),
    now: ctx.now,
  });
  return json({ ok: true });
};

export const duoExport: RouteHandler = async (ctx) => {
  const actor = actorOf(ctx);
  const { csv, studentIds } = await ctx.data.exportDuoCsv(ctx.now, { name: actor.name, email: actor.email });
  await auditList(ctx, 'duo-export', {}, studentIds);
  return { csv, filename: translate('nl', 'duo.exportFile') };
};
