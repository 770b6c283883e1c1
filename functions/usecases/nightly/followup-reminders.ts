import { dashboardPath } from '../../../shared/links';
import { flowOf } from '../../domain/flows';
import { dueOn, position } from '../../domain/steps';
import type { Task } from '../../domain/task';
import { notify } from '../effects/notify';
import type { MailDraft } from './mail-batch';
import { type Directory, link, type NightlyDeps } from './ports';

/**
 * The officer's follow-up conversation, reminded on its date (two school weeks after the planned
 * first conversation). `conversations`: the open officer's conversations with steps whose current
 * step is due around the run's date (the task's due date is its current step's). Only the run of
 * that date drafts the reminder, and the run's mail ids (date, template, reader) make a rerun of
 * the date record the same mail again, so it goes once. Returns how many were reminded.
 */
export function followUpReminders(
  deps: Pick<NightlyDeps, 'calendar' | 'config'>,
  directory: Directory,
  asOf: string,
  drafts: MailDraft[],
  conversations: readonly Task[],
): number {
  const flow = flowOf('officer_conversation');
  const finish = flow.steps.find((s) => s.key === 'finish');
  let reminded = 0;
  for (const task of conversations) {
    if (task.flow !== 'officer_conversation') continue;
    const at = position(deps.calendar, flow, task);
    if (at.closed || at.step.key !== 'followup' || at.dueOn !== asOf) continue;
    const steps = task.steps ?? [];
    const from = steps.findLast((r) => r.key === 'plan')?.date ?? task.createdOn;
    const to = finish ? dueOn(deps.calendar, finish, asOf, steps) : asOf;
    const url = link(deps.config, dashboardPath.worklist());
    for (const officer of directory.withRole('attendance_officer')) {
      drafts.push({
        ...notify(officer.email, 'followup.officer', {
          officerName: officer.name,
          studentName: task.studentName,
          from,
          to,
          followUpOn: asOf,
          url,
        }),
        studentId: task.studentId,
        period: { from, to },
      });
    }
    reminded++;
  }
  return reminded;
}
