import { translate } from '../../../shared/i18n';
import type { Expiring } from '../../domain/expiring';
import { type EightHourLine, newTask, type Task } from '../../domain/task';
import { mapLimit } from '../../store/dynamo';
import { eightHourListId } from '../../store/record-ids';
import { dateItemExpiry, studentItemExpiry } from '../../store/retention';
import { getStudent } from '../../store/students';
import { createTask } from '../../store/tasks-repository';
import { nightlyChange } from '../effects/audit';
import { commitWith } from '../effects/commit';
import { type MailDraft, type Superseding, superseded } from './mail-batch';
import type { Directory, NightlyDeps } from './ports';

/**
 * How long a night's 8-hour list is kept at most: a year, like a mail (a worklist item of one
 * night; the facts stay in the student's registrations and signal state, which follow the student).
 */
export const EIGHT_HOUR_LIST_SECONDS = 366 * 24 * 3600;

/**
 * Appendix 4, "Uitzetten vervolgacties door Verzuimbegeleider": the attendance officer sees the
 * night's 8-hour signals as one list per institution on the worklist, not a mail per student.
 * The students are those the run mails their 8-hour signal (a report of the same run supersedes it).
 */
export async function createEightHourLists(
  deps: NightlyDeps,
  directory: Directory,
  asOf: string,
  drafts: readonly MailDraft[],
  reports: readonly Superseding[],
): Promise<number> {
  const told = new Map<string, MailDraft>();
  for (const d of drafts) {
    if (d.template === 'signal8.student' && !superseded(d, reports) && !told.has(d.studentId))
      told.set(d.studentId, d);
  }
  if (told.size === 0) return 0;
  const students = await mapLimit([...told.keys()].sort(), deps.concurrency ?? 16, (id) =>
    getStudent(deps.store, id),
  );
  const byUnit = new Map<string, { line: EightHourLine; expiresAt: number }[]>();
  for (const student of students) {
    if (!student) continue;
    const draft = told.get(student.studentId) as MailDraft<'signal8.student'>;
    const line: EightHourLine = {
      studentId: student.studentId,
      studentName: student.displayName,
      teamId: student.teamId,
      coachId: student.coachId,
      coachName: directory.staff(student.coachId)?.name ?? '',
      unauthorizedMinutes: draft.data.minutes,
      from: draft.period.from,
      to: draft.period.to,
    };
    const unit = institutionOf(directory, student.teamId);
    const expiresAt = studentItemExpiry(student, asOf, deps.config.retentionYears);
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), { line, expiresAt }]);
  }
  let created = 0;
  for (const [unitId, lines] of byUnit) {
    const task: Expiring<Task> = {
      ...newTask({
        taskId: eightHourListId(unitId, asOf),
        kind: 'signal8_list',
        about: { studentId: '', studentName: '', teamId: unitId },
        createdOn: asOf,
        explanation: translate('nl', 'signal8List.explanation', { count: lines.length, date: asOf }),
      }),
      eightHours: lines.map((l) => l.line),
      // It names students and nothing links a student to it (the retention rewrite of a leaver
      // cannot find it): gone no later than the first of them, and a year after its night at most.
      expiresAt: Math.min(
        ...lines.map((l) => l.expiresAt),
        dateItemExpiry(asOf, 0) + EIGHT_HOUR_LIST_SECONDS,
      ),
    };
    const audit = nightlyChange(asOf, {
      entity: 'task',
      entityId: task.taskId,
      what: 'created',
      after: task,
      studentId: '',
      expiresAt: task.expiresAt,
    });
    const { result: isNew } = await commitWith({ store: deps.store }, { audit: [audit] }, (store) =>
      createTask(store, task),
    );
    if (isNew) created++;
  }
  return created;
}

/** The top of the unit tree above a team (the institution), or the team itself when unknown. */
function institutionOf(directory: Directory, teamId: string): string {
  const parent = new Map(directory.orgUnits.map((u) => [u.id, u.parentId]));
  let unit = teamId;
  const seen = new Set<string>();
  for (let up = parent.get(unit); up && !seen.has(up); up = parent.get(unit)) {
    seen.add(unit);
    unit = up;
  }
  return unit;
}
