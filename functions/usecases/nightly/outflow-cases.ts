import { dashboardPath } from '../../../shared/links';
import { involvesOutflowCounsellor, isEarlySchoolLeaver } from '../../../shared/policy';
import { OUTFLOW_CASE_WORKING_DAYS, type OutflowCase } from '../../domain/case';
import type { Expiring } from '../../domain/expiring';
import { clearOutflowPending, createCase, listOutflowPending } from '../../store/cases-repository';
import { outflowCaseId } from '../../store/record-ids';
import { studentItemExpiry } from '../../store/retention';
import { rewriteStudentExpiry } from '../../store/retention-rewrite';
import { getStudent } from '../../store/students';
import { nightlyChange } from '../effects/audit';
import { commitWith } from '../effects/commit';
import { notify } from '../effects/notify';
import type { MailDraft } from './mail-batch';
import { type Directory, link, type NightlyDeps } from './ports';

/**
 * Every `student.left`: a case for the coach, who always involves STS-B (and for Entree and level 2
 * the outflow counsellor); it records whether the student leaves early, for the RMC report. Every
 * leaver also gets a last expiry sweep, in `finish`, after the run's mails are recorded (the
 * pending mark is cleared there).
 */
export async function createOutflowCases(
  deps: NightlyDeps,
  directory: Directory,
  asOf: string,
  drafts: MailDraft[],
) {
  let created = 0;
  const done: { studentId: string; leftOn: string }[] = [];
  for (const pending of await listOutflowPending(deps.store)) {
    if (pending.leftOn > asOf) continue;
    const student = await getStudent(deps.store, pending.studentId);
    const leftOn = student?.leftOn ?? pending.leftOn;
    if (student) {
      const outflow: Expiring<OutflowCase> = {
        caseId: outflowCaseId(student.studentId, leftOn),
        studentId: student.studentId,
        studentName: student.displayName,
        teamId: student.teamId,
        coachId: student.coachId,
        leftOn,
        involveCounsellor: involvesOutflowCounsellor(student.level),
        earlySchoolLeaver: isEarlySchoolLeaver(student, leftOn),
        steps: {},
        status: 'open',
        createdOn: asOf,
        dueDate: deps.calendar.addWorkingDays(asOf, OUTFLOW_CASE_WORKING_DAYS),
        version: 1,
        // The student has left: RETENTION_YEARS after `leftOn`, like everything else about them.
        expiresAt: studentItemExpiry({ leftOn }, asOf, deps.config.retentionYears),
      };
      const audit = nightlyChange(asOf, {
        entity: 'case',
        entityId: outflow.caseId,
        what: 'created',
        after: outflow,
        studentId: outflow.studentId,
        expiresAt: outflow.expiresAt,
      });
      const { result: isNew } = await commitWith({ store: deps.store }, { audit: [audit] }, (store) =>
        createCase(store, outflow),
      );
      if (isNew) created++;
      const coach = directory.staff(student.coachId);
      if (coach) {
        drafts.push({
          ...notify(coach.email, 'outflow.coach', {
            coachName: coach.name,
            studentName: student.displayName,
            date: leftOn,
            counsellor: outflow.involveCounsellor,
            earlyLeaver: outflow.earlySchoolLeaver ?? true,
            url: link(deps.config, dashboardPath.student(student.studentId)),
          }),
          studentId: student.studentId,
          period: { from: leftOn, to: leftOn },
        });
      }
    }
    done.push({ studentId: pending.studentId, leftOn });
  }
  const finish = async () => {
    for (const { studentId, leftOn } of done) {
      // Ingestion rewrote the student's expiries when the leave arrived, but an item written at
      // that moment from a profile read just before (a report of last night's run, a coach's task)
      // may have missed it. One more sweep per leaver, after this run's own writes, catches those.
      await rewriteStudentExpiry(
        deps.store,
        studentId,
        studentItemExpiry({ leftOn }, asOf, deps.config.retentionYears),
      );
      await clearOutflowPending(deps.store, studentId);
    }
  };
  return { created, finish };
}
