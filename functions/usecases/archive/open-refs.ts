import type { IsoDate } from '../../../shared/policy/types';
import { overlaps } from '../../domain/archive-years';
import type { OutflowCase } from '../../domain/case';
import type { Task } from '../../domain/task';
import { listStudentAuditRefs } from '../../store/audit-repository';
import type { Store } from '../../store/client';
import { batchGet } from '../../store/dynamo';
import * as keys from '../../store/keys';
import { listStudentReports } from '../../store/reports-repository';
import { recordOf } from '../../store/whole-records';

type Period = { from: IsoDate; to: IsoDate };

/** The periods a task refers to: a correction's or 4-week case's period, a DUO draft's. */
const taskPeriods = (task: Task): Period[] => [
  ...(task.period ? [task.period] : []),
  ...(task.duo ? [{ from: task.duo.from, to: task.duo.to }] : []),
];

/**
 * Whether an open report, task or outflow case of the student refers to a day of `span`: then
 * its lessons may still be corrected or counted, and the year stays in the table for now. Reports
 * are read by student (AP 15); tasks and cases through what points at them (report actions and
 * the student's audit trail), as the retention rewrite finds them.
 */
export async function hasOpenWorkIn(store: Store, studentId: string, span: Period): Promise<boolean> {
  const [reports, audit] = await Promise.all([
    listStudentReports(store, studentId),
    listStudentAuditRefs(store, studentId),
  ]);
  const open = reports.filter((r) => r.status === 'open' || r.status === 'conversation');
  if (open.some((r) => overlaps(r, span))) return true;
  const taskIds = new Set([
    ...reports.flatMap((r) => r.actions.flatMap((a) => (a.taskId ? [a.taskId] : []))),
    ...audit.filter((a) => a.entity === 'task').map((a) => a.entityId),
  ]);
  const caseIds = new Set(audit.filter((a) => a.entity === 'case').map((a) => a.entityId));
  const items = await batchGet(store, [...[...taskIds].map(keys.taskKey), ...[...caseIds].map(keys.caseKey)]);
  for (const item of items.values()) {
    if (item.studentId !== studentId) continue;
    if (item.type === 'task') {
      const task = recordOf<Task>(item);
      if (task.status !== 'done' && taskPeriods(task).some((p) => overlaps(p, span))) return true;
    } else if (item.type === 'case') {
      const c = recordOf<OutflowCase>(item);
      if (c.status === 'open' && c.leftOn >= span.from && c.leftOn <= span.to) return true;
    }
  }
  return false;
}
