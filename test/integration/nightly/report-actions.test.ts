import { describe, expect, it } from 'vitest';
import { taskDetail } from '../../../functions/api/queries/task';
import { InvalidTransition, ReportAlreadyHandled, ReportNotFound } from '../../../functions/domain/errors';
import type { ReportAction } from '../../../functions/domain/report';
import { newTask } from '../../../functions/domain/task';
import { listAudit } from '../../../functions/store/audit-repository';
import { getReport } from '../../../functions/store/reports-repository';
import {
  createTask,
  getTask,
  listTasksByKind,
  listTasksForRole,
} from '../../../functions/store/tasks-repository';
import {
  applyReportAction,
  completeReportConversation,
  recordDuoStatus,
  updateTaskStatus,
} from '../../../functions/usecases/reports/actions';
import { exportDuoCsv } from '../../../functions/usecases/reports/duo-export';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { completeTaskStep } from '../../../functions/usecases/tasks/steps';
import { startedForEachTest } from '../../support/started';
import { coach, coachEmail, day, frontOfficeEmail, officer, officerEmail, startHarness } from './harness';

const h = startedForEachTest(startHarness);

const now = new Date('2026-09-14T08:00:00Z');

/** A student with an open 16-hour report (Thursday and Friday absent). */
async function openReport(studentId: string, birthDate = '2009-03-14') {
  await h.student(studentId, { birthDate });
  await h.deliver(...day(studentId, '2026-09-10'), ...day(studentId, '2026-09-11'));
  await h.nightly('2026-09-11');
  const report = (await listOpenReports(h.table, 'team-ict')).find((r) => r.studentId === studentId);
  if (!report) throw new Error('no report');
  return report;
}

const act = (reportId: string, action: ReportAction, explanation = 'Toelichting van de coach') =>
  applyReportAction(h.reportDeps(), {
    reportId,
    action,
    explanation,
    actor: coach,
    now,
    suspectedReason: 'motivatie',
  });

describe('handling a 16-hour report', () => {
  it('report to DUO: off the open list, a DUO task with the report prepared for the LPA, listed in the CSV export', async () => {
    const report = await openReport('s-rik');
    const { task } = await act(report.reportId, 'duo');
    expect(await listOpenReports(h.table, 'team-ict')).toHaveLength(0);
    const stored = await getTask(h.table, task?.taskId ?? '');
    expect(stored).toMatchObject({ kind: 'duo_report', role: 'attendance_officer', status: 'open' });
    expect(stored?.duo).toMatchObject({
      addressee: 'lpa',
      from: '2026-09-10',
      to: '2026-09-11',
      absentHours: 16,
      absentDays: 2,
    });
    const csv = await exportDuoCsv(h.table);
    expect(csv.split('\n')[0]).toContain('studentnummer');
    expect(csv).toContain('s-rik');
    expect(csv).toContain('LPA');
    expect((await h.mailsTo(officerEmail)).map((m) => m.subject)).toContain('Nieuwe taak: Student s-rik');
    expect(h.bus.published.filter((e) => e.type === 'report.handled')).toHaveLength(1);

    // DUO's answer is recorded; a registered report stays in the export with its status.
    await recordDuoStatus(h.reportDeps(), {
      taskId: task?.taskId ?? '',
      status: 'registered',
      actor: officer,
      now,
    });
    expect(await exportDuoCsv(h.table)).toContain(';geregistreerd;');
    await expect(
      recordDuoStatus(h.reportDeps(), { taskId: task?.taskId ?? '', status: 'closed', actor: officer, now }),
    ).rejects.toBeInstanceOf(InvalidTransition);
    const closed = await recordDuoStatus(h.reportDeps(), {
      taskId: task?.taskId ?? '',
      status: 'closed',
      reason: 'Leerplicht heeft gesproken met de ouders',
      actor: officer,
      now,
    });
    expect(closed.duoRecord).toMatchObject({
      status: 'closed',
      closedReason: 'Leerplicht heeft gesproken met de ouders',
    });
    // Once DUO closed it, there is nothing more to submit about it.
    expect(await exportDuoCsv(h.table)).not.toContain('s-rik');
  });

  it('addresses the RMC for a student between 18 and 23', async () => {
    const report = await openReport('s-sem', '2006-01-10');
    const { task } = await act(report.reportId, 'duo');
    expect(task?.duo?.addressee).toBe('rmc');
    expect(await exportDuoCsv(h.table)).toContain('RMC');
  });

  it('correction: a task for the front office with the period, and the front office is mailed', async () => {
    const report = await openReport('s-tes');
    const { task } = await act(report.reportId, 'correction');
    expect(await getTask(h.table, task?.taskId ?? '')).toMatchObject({
      kind: 'correction',
      role: 'front_office',
      period: { from: '2026-09-10', to: '2026-09-11' },
    });
    expect(await h.mailsTo(frontOfficeEmail)).toHaveLength(1);
  });

  it("the coach's conversation keeps the report open until completed, then counts as handled", async () => {
    const report = await openReport('s-uma');
    await act(report.reportId, 'coach_conversation');
    expect((await listOpenReports(h.table, 'team-ict')).map((r) => r.status)).toEqual(['conversation']);
    expect(h.bus.published.filter((e) => e.type === 'report.handled')).toHaveLength(0);
    await completeReportConversation(h.reportDeps(), {
      reportId: report.reportId,
      outcome: 'Afspraken gemaakt.',
      actor: coach,
      now,
    });
    expect(await listOpenReports(h.table, 'team-ict')).toHaveLength(0);
    expect((await getReport(h.table, report.reportId))?.status).toBe('handled');
    expect(h.bus.published.filter((e) => e.type === 'report.handled')).toHaveLength(1);
  });

  it("the officer's conversation: a case whose feedback mails the coach when recorded and whose follow-up is reminded on its date, once", async () => {
    const report = await openReport('s-vik');
    const { task } = await act(report.reportId, 'officer_conversation');
    const taskId = task?.taskId ?? '';
    // Planning is due 5 working days after the coach's action on Monday 14 September.
    expect(task).toMatchObject({ flow: 'officer_conversation', steps: [], dueDate: '2026-09-21' });
    const step = (s: string, outcome: string, at: string, extra: { date?: string; note?: string } = {}) =>
      completeTaskStep(h.reportDeps(), {
        taskId,
        step: s,
        outcome,
        ...extra,
        actor: officer,
        now: new Date(at),
      });

    await step('plan', 'planned', '2026-09-15T08:00:00Z', { date: '2026-10-08' });
    await step('conversation', 'held', '2026-10-08T12:00:00Z', { note: 'Afspraken over op tijd komen' });
    expect(
      await h.mailsTo(coachEmail).then((m) => m.filter((x) => x.subject.startsWith('Terugkoppeling'))),
    ).toHaveLength(0);
    await step('feedback', 'reported', '2026-10-08T13:00:00Z');
    const feedback = (await h.mailsTo(coachEmail)).filter(
      (m) => m.subject === 'Terugkoppeling: Student s-vik',
    );
    expect(feedback).toHaveLength(1);
    expect(feedback[0]?.body.text).toContain('op 8 oktober 2026 een gesprek gevoerd');
    expect(feedback[0]?.body.text).toContain('vervolggesprek op 29 oktober 2026');
    expect(feedback[0]?.body.text).toContain('van 8 oktober 2026 tot en met 12 november 2026');
    expect(feedback[0]?.body.text).not.toContain('Afspraken over op tijd komen');
    expect((await getTask(h.table, taskId))?.dueDate).toBe('2026-10-29');

    // The follow-up is reminded by the run of its own date (past the autumn holiday), not before, once.
    const reminders = async () =>
      (await h.mailsTo(officerEmail)).filter(
        (m) => m.subject === 'Stap te doen: Student s-vik' && m.body.text.includes('Vervolggesprek'),
      );
    await h.nightly('2026-10-28');
    expect(await reminders()).toHaveLength(0);
    await h.nightly('2026-10-29');
    await h.nightly('2026-10-29');
    await h.nightly('2026-10-30');
    expect(await reminders()).toHaveLength(1);
    expect((await reminders())[0]?.body.text).toContain('29 oktober 2026');
    expect(await listTasksByKind(h.table, 'conversation_reminder', 'open')).toHaveLength(0);

    // Followed from the conversation on: a day away in the week after, present the rest; the holiday week left out.
    await h.deliver(...day('s-vik', '2026-10-12'), ...day('s-vik', '2026-10-13', { status: 'present' }));
    const followed = await taskDetail(h.table, taskId, new Date('2026-10-29T12:00:00Z'));
    expect(followed?.attendance.map((w) => [w.weekStart, w.unauthorizedMinutes])).toEqual([
      ['2026-10-05', 0],
      ['2026-10-12', 480],
      ['2026-10-26', 0],
    ]);
    expect(followed?.attendance[1]?.presencePercent).toBe(50);

    await step('followup', 'held', '2026-10-29T12:00:00Z', { note: 'Gaat beter' });
    const closed = await step('finish', 'improved', '2026-11-12T12:00:00Z');
    expect(closed.task.status).toBe('done');
    const trail = (await listAudit(h.table, 'task', taskId)).map((e) => e.what);
    expect(trail).toEqual(
      expect.arrayContaining(['step plan planned', 'step feedback reported', 'step finish improved']),
    );
  });

  it("an officer's conversation stored before the steps (no flow) still gets its reminder task", async () => {
    const report = await openReport('s-old');
    const legacy = {
      ...newTask({
        taskId: 'legacy.a0',
        kind: 'officer_conversation',
        about: report,
        createdOn: '2026-09-14',
      }),
      reportId: report.reportId,
      remindOn: '2026-09-28',
      followUntil: '2026-10-12',
      expiresAt: 4_102_444_800,
    };
    await createTask(h.table, legacy);
    await h.nightly('2026-09-28');
    const reminders = await listTasksByKind(h.table, 'conversation_reminder', 'open');
    expect(reminders.map((r) => [r.studentId, r.dueDate])).toEqual([['s-old', '2026-10-12']]);
  });

  it('question to the attendance officer: a task the officer moves open → in progress → done', async () => {
    const report = await openReport('s-wes');
    const { task } = await act(report.reportId, 'officer_question');
    const taskId = task?.taskId ?? '';
    await updateTaskStatus(h.reportDeps(), { taskId, status: 'in_progress', actor: officer, now });
    await expect(
      updateTaskStatus(h.reportDeps(), { taskId, status: 'open', actor: officer, now }),
    ).rejects.toBeInstanceOf(InvalidTransition);
    await updateTaskStatus(h.reportDeps(), { taskId, status: 'done', actor: officer, now });
    expect((await listTasksForRole(h.table, 'attendance_officer', 'done')).map((t) => t.taskId)).toEqual([
      taskId,
    ]);
    const trail = await listAudit(h.table, 'task', taskId);
    expect(trail.map((e) => [e.by, e.what])).toEqual([
      ['vb-bakker', 'status in_progress'],
      ['vb-bakker', 'status done'],
    ]);
    expect(trail[0]).toMatchObject({ before: { status: 'open' }, after: { status: 'in_progress' } });
  });

  it('refuses a second action, an unknown report, and keeps who did what in the audit trail', async () => {
    const report = await openReport('s-xan');
    await act(report.reportId, 'correction');
    await expect(act(report.reportId, 'duo')).rejects.toBeInstanceOf(ReportAlreadyHandled);
    await expect(act('no-such-report', 'duo')).rejects.toBeInstanceOf(ReportNotFound);
    const trail = await listAudit(h.table, 'report', report.reportId);
    expect(trail.map((e) => [e.by, e.what]).sort()).toEqual([
      ['c-jansen', 'action correction'],
      ['nightly', 'created (as of 2026-09-11)'],
    ]);
    expect(trail.find((e) => e.by === 'c-jansen')).toMatchObject({
      by: 'c-jansen',
      what: 'action correction',
      before: { status: 'open' },
      after: { status: 'handled' },
    });
  });

  it('a retried command (same action, same words) is not an error and creates no second task', async () => {
    const report = await openReport('s-yara');
    const first = await act(report.reportId, 'officer_question', 'Graag contact');
    const retry = await act(report.reportId, 'officer_question', 'Graag contact');
    expect(retry.task?.taskId).toBe(first.task?.taskId);
    expect(await listTasksForRole(h.table, 'attendance_officer', 'open')).toHaveLength(1);
  });

  it('the KPI snapshot of the night counts reports sent and handled, per team and up the tree', async () => {
    const a = await openReport('s-zoe');
    await h.student('s-abe');
    await h.deliver(...day('s-abe', '2026-09-10'), ...day('s-abe', '2026-09-11'));
    await h.nightly('2026-09-11');
    await act(a.reportId, 'correction');
    await h.nightly('2026-09-14');
    const { latestKpiSnapshot, kpiHistory } = await import(
      '../../../functions/store/kpi-snapshots-repository'
    );
    const team = await latestKpiSnapshot(h.table, 'team-ict');
    expect(team).toMatchObject({
      date: '2026-09-14',
      norm: 2,
      realisation: 1,
      percentage: 50,
      colour: 'red',
    });
    expect(team?.unhandled).toHaveLength(1);
    expect(await latestKpiSnapshot(h.table, 'inst')).toMatchObject({ norm: 2, realisation: 1 });
    expect((await kpiHistory(h.table, 'team-ict', '2026-09-01', '2026-09-30')).map((s) => s.date)).toEqual([
      '2026-09-11',
      '2026-09-14',
    ]);
  });
});
