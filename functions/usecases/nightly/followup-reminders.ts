import { dashboardPath } from '../../../shared/links';
import { flowOf } from '../../domain/flows';
import { dueOn, position } from '../../domain/steps';
import { listTasksByKind } from '../../store/tasks-repository';
import { notify } from '../effects/notify';
import type { MailDraft } from './mail-batch';
import { type Directory, link, type NightlyDeps } from './ports';

/**
 * The officer's follow-up conversation, reminded on its date (two school weeks after the planned
 * first conversation): only the run of that date drafts it, and the run's mail ids (date,
 * template, reader) make a rerun of the date record it again as the same mail, so it goes once.
 * Returns how many conversations were reminded.
 */
export async function followUpReminders(
  deps: NightlyDeps,
  directory: Directory,
  asOf: string,
  drafts: MailDraft[],
): Promise<number> {
  const flow = flowOf('officer_conversation');
  const finish = flow.steps.find((s) => s.key === 'finish');
  let reminded = 0;
  for (const status of ['open', 'in_progress'] as const) {
    for (const task of await listTasksByKind(deps.store, 'officer_conversation', status)) {
      // Tasks stored before the flow (no `flow`) keep their own reminder (`remindOn`).
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
  }
  return reminded;
}
