import type { Task as ApiTask } from '../../../shared/api/worklist';
import type { OutflowCase } from '../../domain/case';
import { localDate } from '../../domain/dates';
import type { Task, TaskRole } from '../../domain/task';
import { listCoachCases } from '../../store/cases-repository';
import type { Store } from '../../store/client';
import { mapLimit } from '../../store/dynamo';
import { listOrgUnits } from '../../store/org-units';
import { listStaff } from '../../store/staff';
import { getTask as getStoredTask, listTasksForRole } from '../../store/tasks-repository';
import type { Page, WorklistFilter } from '../ports';
import { pageOf } from './cursor';
import { apiTask, outflowTask, type TaskNames } from './mapping';
import { studentRefs } from './refs';

/** The worklist of attendance officers and front office (open tasks, open outflow cases), and the administrators' own tasks. */

/** Staff and team names, read once per request: the worklist shows names, never ids. */
async function namesOf(store: Store): Promise<TaskNames> {
  const [staff, units] = await Promise.all([listStaff(store), listOrgUnits(store)]);
  const staffNames = new Map(staff.map((s) => [s.staffId, s.name]));
  const unitNames = new Map(units.map((u) => [u.orgUnitId, u.name]));
  return { staff: (id) => staffNames.get(id), unit: (id) => unitNames.get(id) };
}

export async function getTask(store: Store, taskId: string, now: Date = new Date()): Promise<ApiTask | null> {
  const task = await getStoredTask(store, taskId);
  if (!task) return null;
  const [refs, names] = await Promise.all([studentRefs(store, [task.studentId]), namesOf(store)]);
  return withRouteX(apiTask(task, refs(task.studentId), names, localDate(now)), refs.routeX(task.studentId));
}

/** Only a Route-X student's task carries the label; the others stay as they were. */
const withRouteX = (task: ApiTask, routeX: boolean): ApiTask => (routeX ? { ...task, routeX } : task);

const dueOf = (t: Task | OutflowCase): string | undefined =>
  'caseId' in t ? t.dueDate : (t.dueDate ?? t.remindOn);

/** By due date, those without one last; then oldest first. Also the cursor's key. */
const sortKey = (t: Task | OutflowCase) =>
  `${dueOf(t) ?? '~'}#${t.createdOn}#${'caseId' in t ? t.caseId : t.taskId}`;

/** Outflow cases live per coach; the worklist gathers the open ones of every coach. */
async function openOutflowCases(store: Store): Promise<OutflowCase[]> {
  const coaches = (await listStaff(store)).filter((s) => s.roles.includes('coach'));
  return (await mapLimit(coaches, 8, (coach) => listCoachCases(store, coach.staffId, 'open'))).flat();
}

function ownerMatches(item: Task | OutflowCase, owner: WorklistFilter['owner']): boolean {
  if (owner === undefined) return true;
  const ownerId = 'caseId' in item ? item.coachId : item.ownerId;
  return owner === null ? ownerId === undefined : ownerId === owner;
}

/** Every open task of the filter, sorted: the page and the CSV both read this. */
async function filteredTasks(store: Store, filter: WorklistFilter): Promise<(Task | OutflowCase)[]> {
  const { kinds } = filter;
  const roles: TaskRole[] = kinds.some((k) => k !== 'correction' && k !== 'undeliverable_mail')
    ? ['attendance_officer', 'front_office']
    : ['front_office'];
  if (kinds.includes('undeliverable_mail')) roles.push('admin');
  const lists = await Promise.all(
    roles.flatMap((role) => (['open', 'in_progress'] as const).map((s) => listTasksForRole(store, role, s))),
  );
  const cases = kinds.includes('outflow') ? await openOutflowCases(store) : [];
  return [...lists.flat().filter((t) => (kinds as readonly string[]).includes(t.kind)), ...cases]
    .filter((t) => !filter.teamIds || filter.teamIds.has(t.teamId))
    .filter((t) => ownerMatches(t, filter.owner))
    .map((t) => ({ t, key: sortKey(t) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ t }) => t);
}

async function asApiTasks(store: Store, items: (Task | OutflowCase)[], now: Date): Promise<ApiTask[]> {
  const [ref, names] = await Promise.all([
    studentRefs(
      store,
      items.map((t) => t.studentId).filter((id) => id !== ''),
    ),
    namesOf(store),
  ]);
  const today = localDate(now);
  return items.map((t) =>
    withRouteX(
      'caseId' in t
        ? outflowTask(t, ref(t.studentId), names, today)
        : apiTask(t, ref(t.studentId), names, today),
      ref.routeX(t.studentId),
    ),
  );
}

export async function listTasks(
  store: Store,
  filter: WorklistFilter,
  cursor: string | null,
  limit: number,
  now: Date,
): Promise<Page<ApiTask>> {
  const page = pageOf(await filteredTasks(store, filter), sortKey, cursor, limit);
  return { items: await asApiTasks(store, page.items, now), nextCursor: page.nextCursor };
}

/** The whole filtered worklist in the page's order, for its CSV. */
export async function allTasks(store: Store, filter: WorklistFilter, now: Date): Promise<ApiTask[]> {
  return asApiTasks(store, await filteredTasks(store, filter), now);
}
