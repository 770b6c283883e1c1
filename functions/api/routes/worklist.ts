import {
  DuoEndDateBody,
  DuoStatusBody,
  TASK_KINDS,
  type Task,
  type TaskKind,
  TaskOwnerBody,
  TaskStatusBody,
} from '../../../shared/api/worklist';
import { translate } from '../../../shared/i18n';
import { hasRole } from '../../auth/principal';
import { toExcelCsv } from '../../csv';
import { actorOf, auditList, json, type RouteContext, type RouteHandler } from '../context';
import { forbidden, missing, outOfScope } from '../errors';
import { cursorOf, PAGE_SIZE } from '../paging';
import type { WorklistFilter } from '../ports';
import { unitsBelow } from '../scope';
import { parseBody } from '../validate';

/** The system's own tasks (a mail SES keeps refusing): about no student, administrators' only. */
const ADMIN_KINDS: readonly TaskKind[] = ['undeliverable_mail'];
const STUDENT_KINDS = TASK_KINDS.filter((k) => !ADMIN_KINDS.includes(k));

/**
 * Front office sees only correction tasks, attendance officers every task about a student, and
 * administrators (who read no student data) only the system's own tasks.
 */
export function kindsFor(ctx: Parameters<RouteHandler>[0]): TaskKind[] {
  const kinds = new Set<TaskKind>();
  if (hasRole(ctx.principal, 'attendance_officer')) for (const k of STUDENT_KINDS) kinds.add(k);
  if (hasRole(ctx.principal, 'front_office')) kinds.add('correction');
  if (hasRole(ctx.principal, 'admin')) for (const k of ADMIN_KINDS) kinds.add(k);
  return TASK_KINDS.filter((k) => kinds.has(k));
}

const WORKLIST_ROLES = ['attendance_officer', 'front_office', 'admin'] as const;

/**
 * The worklist's filter from the query: a kind the reader may see, a unit (a team or everything
 * below a department), an owner (`mine`, `nobody` or a colleague's staff id).
 */
async function filterOf(ctx: RouteContext): Promise<WorklistFilter> {
  const allowed = kindsFor(ctx);
  const { kind, unitId, owner } = ctx.query;
  if (kind && !allowed.includes(kind as TaskKind)) throw forbidden();
  const filter: { -readonly [K in keyof WorklistFilter]: WorklistFilter[K] } = {
    kinds: kind ? [kind as TaskKind] : allowed,
  };
  if (unitId) {
    const units = await ctx.units();
    if (!units.some((u) => u.orgUnitId === unitId)) throw missing(ctx.principal, `unit:${unitId}`);
    filter.teamIds = unitsBelow(units, [unitId]);
  }
  if (owner) filter.owner = owner === 'mine' ? ctx.principal.staffId : owner === 'nobody' ? null : owner;
  return filter;
}

/** The staff who share a worklist role with the reader: to filter on and to give a task to. */
async function colleaguesOf(ctx: RouteContext) {
  const mine = WORKLIST_ROLES.filter((r) => hasRole(ctx.principal, r));
  return (await ctx.data.listStaff())
    .map((s) => ({
      staffId: s.staffId,
      name: s.name,
      roles: WORKLIST_ROLES.filter((r) => mine.includes(r) && s.roles.includes(r)),
    }))
    .filter((s) => s.roles.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `kind` (or `all`), then the unit and owner filters when asked: `worklist:all` reads as before. */
const subjectOf = (ctx: RouteContext) =>
  [
    ctx.query.kind ?? 'all',
    ...(['unitId', 'owner'] as const).flatMap((k) => (ctx.query[k] ? [`${k}=${ctx.query[k]}`] : [])),
  ].join(':');

export const worklist: RouteHandler = async (ctx) => {
  const filter = await filterOf(ctx);
  const [page, colleagues, units] = await Promise.all([
    ctx.data.listTasks(filter, cursorOf(ctx.query), PAGE_SIZE, ctx.now),
    colleaguesOf(ctx),
    ctx.units(),
  ]);
  await auditList(
    ctx,
    `worklist:${subjectOf(ctx)}`,
    { unitId: ctx.query.unitId ?? null },
    page.items.flatMap((t) => [
      ...(t.student ? [t.student.studentId] : []),
      ...(t.eightHours ?? []).map((l) => l.student.studentId),
    ]),
  );
  const choices = units
    .flatMap((u) =>
      u.kind === 'institution' ? [] : [{ orgUnitId: u.orgUnitId, name: u.name, kind: u.kind }],
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  return json({ ...page, colleagues, units: choices });
};

const CSV_COLUMNS = [
  ['dueOn', 'worklist.due'],
  ['overdue', 'worklist.overdue'],
  ['kind', 'worklist.kind'],
  ['studentId', 'worklist.studentNumber'],
  ['name', 'coach.student'],
  ['coach', 'worklist.coach'],
  ['team', 'worklist.team'],
  ['owner', 'worklist.owner'],
  ['status', 'worklist.status'],
  ['createdOn', 'worklist.created'],
  ['explanation', 'worklist.explanation'],
] as const;

function csvRow(t: Task): Record<(typeof CSV_COLUMNS)[number][0], string> {
  return {
    dueOn: t.dueOn ?? '',
    overdue: t.overdue ? translate('nl', 'csv.yes') : translate('nl', 'csv.no'),
    kind: translate('nl', `task.${t.kind}`),
    studentId: t.student?.studentId ?? '',
    name: t.student?.displayName ?? '',
    coach: t.coach?.name ?? '',
    team: t.team?.name ?? '',
    owner: t.owner?.name ?? '',
    status: translate('nl', `taskStatus.${t.status}`),
    createdOn: t.createdOn,
    explanation: t.explanation ?? '',
  };
}

/** The filtered worklist in the page's order, for Dutch Excel like the DUO export. */
export const worklistCsv: RouteHandler = async (ctx) => {
  const tasks = await ctx.data.allTasks(await filterOf(ctx), ctx.now);
  await auditList(
    ctx,
    `worklist-csv:${subjectOf(ctx)}`,
    { unitId: ctx.query.unitId ?? null },
    tasks.flatMap((t) => (t.student ? [t.student.studentId] : [])),
  );
  const columns = CSV_COLUMNS.map(([key, header]) => ({ key, header: translate('nl', header) }));
  return { csv: toExcelCsv(columns, tasks.map(csvRow)), filename: translate('nl', 'worklist.csvFile') };
};

/** "Ik pak dit op", or to a colleague of the task's role, or back to nobody. */
export const taskOwner: RouteHandler = async (ctx) => {
  const body = parseBody(TaskOwnerBody, ctx.body);
  const taskId = ctx.params.taskId as string;
  const task = await ctx.data.getTask(taskId, ctx.now);
  if (!task) throw missing(ctx.principal, `task:${taskId}`);
  if (!kindsFor(ctx).includes(task.kind)) throw outOfScope(`task:${task.taskId}`);
  await ctx.data.assignTask({ taskId, ownerId: body.ownerId, actor: actorOf(ctx), now: ctx.now });
  return json({ ok: true });
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
    ...(body.note?.trim() ? { note: body.note.trim() } : {}),
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
