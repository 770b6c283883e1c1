import type { Task as ApiTask, TaskKind } from '../../../shared/api/worklist';
import type { OutflowCase } from '../../domain/case';
import { localDate } from '../../domain/dates';
import type { Task, TaskRole } from '../../domain/task';
import { listCoachCases } from '../../store/cases-repository';
import type { Store } from '../../store/client';
import { mapLimit } from '../../store/dynamo';
import { listStaff } from '../../store/staff';
import { getTask as getStoredTask, listTasksForRole } from '../../store/tasks-repository';
import type { Page } from '../ports';
import { pageOf } from './cursor';
import { apiTask, outflowTask } from './mapping';
import { studentRefs } from './refs';

/** The worklist of attendance officers and front office (open tasks, open outflow cases), and the administrators' own tasks. */

export async function getTask(store: Store, taskId: string): Promise<ApiTask | null> {
  const task = await getStoredTask(store, taskId);
  if (!task) return null;
  return apiTask(task, (await studentRefs(store, [task.studentId]))(task.studentId));
}

const taskKey = (t: Task | OutflowCase) =>
  'caseId' in t ? `${t.createdOn}#${t.caseId}` : `${t.dueDate ?? t.remindOn ?? t.createdOn}#${t.taskId}`;

/** Outflow cases live per coach; the worklist gathers the open ones of every coach. */
async function openOutflowCases(store: Store): Promise<OutflowCase[]> {
  const coaches = (await listStaff(store)).filter((s) => s.roles.includes('coach'));
  return (await mapLimit(coaches, 8, (coach) => listCoachCases(store, coach.staffId, 'open'))).flat();
}

export async function listTasks(
  store: Store,
  kinds: readonly TaskKind[],
  cursor: string | null,
  limit: number,
  now?: Date,
): Promise<Page<ApiTask>> {
  const today = now ? localDate(now) : undefined;
  const roles: TaskRole[] = kinds.some((k) => k !== 'correction' && k !== 'undeliverable_mail')
    ? ['attendance_officer', 'front_office']
    : ['front_office'];
  if (kinds.includes('undeliverable_mail')) roles.push('admin');
  const lists = await Promise.all(
    roles.flatMap((role) => (['open', 'in_progress'] as const).map((s) => listTasksForRole(store, role, s))),
  );
  const cases = kinds.includes('outflow') ? await openOutflowCases(store) : [];
  const items = [...lists.flat().filter((t) => (kinds as readonly string[]).includes(t.kind)), ...cases].sort(
    (a, b) => taskKey(a).localeCompare(taskKey(b)),
  );
  const page = pageOf(items, taskKey, cursor, limit);
  const ref = await studentRefs(
    store,
    page.items.map((t) => t.studentId).filter((id) => id !== ''),
  );
  return {
    items: page.items.map((t) =>
      'caseId' in t ? outflowTask(t, ref(t.studentId)) : apiTask(t, ref(t.studentId), today),
    ),
    nextCursor: page.nextCursor,
  };
}
