import type { LetterRef, TaskDetail, TaskStep } from '../../../shared/api/tasks';
import { ageOn, legalStatus } from '../../../shared/policy';
import { followedWeeks } from '../../../shared/policy/followed-weeks';
import { localDate } from '../../domain/dates';
import { flowOf } from '../../domain/flows';
import { followedPeriod, type StepView, stepViews } from '../../domain/steps';
import type { Task } from '../../domain/task';
import { listAudit } from '../../store/audit-repository';
import type { Store } from '../../store/client';
import { listDaySummaries } from '../../store/day-summaries';
import { listOrgUnits } from '../../store/org-units';
import { listStaff } from '../../store/staff';
import { getStudent, type StudentRecord } from '../../store/students';
import { getTask as getStoredTask } from '../../store/tasks-repository';
import { currentCalendar } from '../../usecases/admin/school-settings';
import { fourWeekDuoTaskId } from '../../usecases/tasks/four-week';
import { apiTask } from './mapping';
import { getReport } from './reports';
import { taskHistory } from './task-history';

/** The task screen: a task with its student, report, the steps of its case, attendance while followed, letters. */

function stepOf(view: StepView, nameOf: (staffId: string) => string): TaskStep {
  const d = view.definition;
  const r = view.record;
  return {
    key: view.key,
    state: view.state,
    dueOn: view.dueOn,
    overdue: view.overdue,
    outcomes: [...d.outcomes],
    asksDate: d.date !== undefined,
    dateRequiredFor: [...(d.date?.requiredFor ?? [])],
    asksNote: d.note !== undefined,
    noteRequiredFor: [...(d.note?.requiredFor ?? [])],
    outcome: r?.outcome ?? null,
    date: r?.date ?? null,
    note: r?.note ?? null,
    by: r ? nameOf(r.by) : null,
    at: r?.at ?? null,
  };
}

/** The letters of a task; filled in by the letters store (`letters` is injected to keep this module small). */
export type LettersOf = (store: Store, task: Task) => Promise<LetterRef[]>;

const noLetters: LettersOf = async () => [];

export async function taskDetail(
  store: Store,
  taskId: string,
  now: Date,
  lettersOf: LettersOf = noLetters,
): Promise<TaskDetail | null> {
  const task = await getStoredTask(store, taskId);
  if (!task) return null;
  const today = localDate(now);
  const [student, staff, units, trail, calendar] = await Promise.all([
    task.studentId ? getStudent(store, task.studentId) : Promise.resolve(undefined),
    listStaff(store),
    listOrgUnits(store),
    listAudit(store, 'task', taskId),
    currentCalendar(store),
  ]);
  const names = new Map(staff.map((s) => [s.staffId, s.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const flow = task.flow ? flowOf(task.flow) : null;
  const views = flow ? stepViews(calendar, flow, task, today) : [];
  const period = flow ? followedPeriod(flow, task, today) : null;
  const [report, days, letters] = await Promise.all([
    task.reportId ? getReport(store, task.reportId, now) : Promise.resolve(null),
    period && student ? listDaySummaries(store, task.studentId, period.from, period.to) : Promise.resolve([]),
    lettersOf(store, task),
  ]);
  const base = apiTask(
    task,
    student
      ? {
          studentId: student.studentId,
          displayName: student.displayName,
          teamId: student.teamId,
          coachId: student.coachId,
        }
      : null,
    { staff: (id) => names.get(id), unit: (id) => units.find((u) => u.orgUnitId === id)?.name },
    today,
  );
  return {
    ...base,
    student: student
      ? {
          studentId: student.studentId,
          displayName: student.displayName,
          teamId: student.teamId,
          coachId: student.coachId,
          coachName: names.get(student.coachId) ?? null,
          teamName: units.find((u) => u.orgUnitId === student.teamId)?.name ?? null,
        }
      : null,
    owners: staff
      .filter((s) => (s.roles as string[]).includes(task.role))
      .map((s) => ({ staffId: s.staffId, name: s.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    history: taskHistory(trail, nameOf),
    report,
    flow: task.flow ?? null,
    steps: views.map((v) => stepOf(v, nameOf)),
    attendance: period ? followedWeeks(calendar, days, period.from, period.to) : [],
    letters,
    duo: task.flow === 'four_week' ? duoOutlook(task, student, today) : null,
  };
}

/** Whom the 4-week case's DUO report goes to (legal status today), and its DUO task once made. */
function duoOutlook(task: Task, student: StudentRecord | undefined, today: string): TaskDetail['duo'] {
  const made = task.steps?.some((s) => s.key === 'decision' && s.outcome === 'duo_report') ?? false;
  if (!student) return { recipient: null, studyFinance: false, taskId: null };
  return {
    recipient: legalStatus(student, today).duoRecipient,
    studyFinance: ageOn(student.birthDate, today) >= 18,
    taskId: made ? fourWeekDuoTaskId(task.taskId) : null,
  };
}
