import { GetCommand, PutCommand, type PutCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { ConcurrentModification } from '../../../functions/domain/errors';
import type { Expiring } from '../../../functions/domain/expiring';
import { withdraw } from '../../../functions/domain/lifecycle';
import type { ReportAction } from '../../../functions/domain/report';
import type { Task } from '../../../functions/domain/task';
import { appendAudit } from '../../../functions/store/audit-repository';
import {
  caseKey,
  letterKey,
  openWindowMarkerKey,
  outflowPendingKey,
  registrationKey,
  taskKey,
} from '../../../functions/store/keys';
import { letterItem } from '../../../functions/store/letters-repository';
import { listRegistrationExpiriesOfStudent } from '../../../functions/store/registrations';
import { getReport, saveReport } from '../../../functions/store/reports-repository';
import { dateItemExpiry, studentItemExpiry } from '../../../functions/store/retention';
import { listStudentItemKeys, rewriteStudentExpiry } from '../../../functions/store/retention-rewrite';
import { createTask, getTask, saveTask } from '../../../functions/store/tasks-repository';
import { applyReportAction } from '../../../functions/usecases/reports/actions';
import { startedForEachTest } from '../../support/started';
import { leftEvent } from '../../support/webhook';
import { coach, day, openReportOf, startHarness } from '../nightly/harness';

const h = startedForEachTest(startHarness);

const now = new Date('2026-09-14T08:00:00Z');

/** A student with an open 16-hour report, as the nightly run of 11 September leaves it. */
/** The coach applies an action to a report, at `now` unless told otherwise. */
const act = (
  reportId: string,
  action: ReportAction,
  explanation: string,
  extra: { now?: Date; suspectedReason?: string } = {},
) => applyReportAction(h.reportDeps(), { reportId, action, explanation, actor: coach, now, ...extra });

const openReport = (studentId: string) => openReportOf(h, studentId);

const itemAt = async (key: { pk: string; sk: string }) =>
  (await h.table.doc.send(new GetCommand({ TableName: h.table.tableName, Key: key }))).Item;

describe('rewriting the expiry of a student who leaves', () => {
  it('creates a report with a provisional expiry while the leave date is unknown', async () => {
    const report = await openReport('s-rik');
    expect(report.expiresAt).toBe(studentItemExpiry(undefined, '2026-09-11', 5));
  });

  it('refuses to save a report read before the student left, instead of undoing the new expiry', async () => {
    const report = await openReport('s-rik');
    await h.deliver(leftEvent('s-rik', '2026-10-01'));
    const stored = await getReport(h.table, report.reportId);
    expect(stored?.expiresAt).toBe(dateItemExpiry('2026-10-01', 5));

    // `report` still holds the provisional expiry it was read with, and the same version.
    await expect(saveReport(h.table, withdraw(report, '2026-10-01'), report.version)).rejects.toBeInstanceOf(
      ConcurrentModification,
    );
    expect((await getReport(h.table, report.reportId))?.expiresAt).toBe(dateItemExpiry('2026-10-01', 5));
  });

  it('keeps the expiry a report or task was read with when it is saved', async () => {
    const report = await openReport('s-rik');
    const { task } = await act(report.reportId, 'officer_question', 'Graag een gesprek');
    const stored = await getTask(h.table, task?.taskId ?? '');
    if (!stored) throw new Error('no task');
    await saveTask(
      h.table,
      { ...stored, status: 'in_progress', version: stored.version + 1 },
      stored.version,
    );
    expect((await getTask(h.table, stored.taskId))?.expiresAt).toBe(report.expiresAt);
    expect((await getReport(h.table, report.reportId))?.expiresAt).toBe(report.expiresAt);
  });

  it('gives a task made after the student left the expiry of the report it comes from', async () => {
    const report = await openReport('s-rik');
    await h.deliver(leftEvent('s-rik', '2026-10-01'));
    const { task } = await act(report.reportId, 'duo', 'Melden bij DUO', {
      now: new Date('2026-10-02T08:00:00Z'),
      suspectedReason: 'onbekend',
    });
    expect((await getTask(h.table, task?.taskId ?? ''))?.expiresAt).toBe(dateItemExpiry('2026-10-01', 5));
  });

  it('finds tasks through the report actions that made them and cases through the audit trail', async () => {
    const report = await openReport('s-mo');
    const { task } = await act(report.reportId, 'correction', 'Registratie klopt niet');
    await h.deliver(
      leftEvent('s-mo', '2026-10-01', {
        data: { studentId: 's-mo', date: '2026-10-01', diplomaObtained: false },
      }),
    );
    await h.nightly('2026-10-01');
    const keys = (await listStudentItemKeys(h.table, 's-mo')).map((k) => `${k.pk}|${k.sk}`);
    expect(keys).toContain(`${taskKey(task?.taskId ?? '').pk}|TASK`);
    expect(keys).toContain(`${caseKey('s-mo.outflow.2026-10-01').pk}|CASE`);

    // A later correction of the leave date reaches the case too.
    await rewriteStudentExpiry(h.table, 's-mo', dateItemExpiry('2026-11-01', 5));
    expect((await itemAt(caseKey('s-mo.outflow.2026-10-01')))?.expiresAt).toBe(
      dateItemExpiry('2026-11-01', 5),
    );
    expect((await getTask(h.table, task?.taskId ?? ''))?.expiresAt).toBe(dateItemExpiry('2026-11-01', 5));
  });

  it('catches, in the next nightly run, an item written with the old expiry while the leave was being stored', async () => {
    await openReport('s-rik');
    await h.deliver(leftEvent('s-rik', '2026-10-01'));
    // A referral whose student was read just before the leave landed: provisional expiry, audited.
    const provisional = studentItemExpiry(undefined, '2026-09-30', 5);
    const late: Expiring<Task> = {
      taskId: 'referral-late',
      kind: 'officer_question',
      role: 'attendance_officer',
      studentId: 's-rik',
      studentName: 'Student s-rik',
      teamId: 'team-ict',
      status: 'open',
      createdOn: '2026-09-30',
      explanation: 'Graag een gesprek',
      version: 1,
      expiresAt: provisional,
    };
    await createTask(h.table, late);
    const entry = {
      entity: 'task',
      entityId: late.taskId,
      at: '2026-09-30T08:00:00.000Z',
      by: coach.staffId,
      what: 'referral',
      before: null,
      after: late,
    } as const;
    await appendAudit(h.table, entry, provisional, 's-rik');

    await h.nightly('2026-10-01');
    expect((await getTask(h.table, late.taskId))?.expiresAt).toBe(dateItemExpiry('2026-10-01', 5));
  });

  it("rewrites only the lessons whose expiry is not the leaver's yet (a second sweep writes none again)", async () => {
    await openReport('s-rik');
    await h.deliver(leftEvent('s-rik', '2026-10-01'));
    const expiry = dateItemExpiry('2026-10-01', 5);
    const lessons = await listRegistrationExpiriesOfStudent(h.table, 's-rik');
    expect(lessons.length).toBeGreaterThan(0);
    expect(lessons.every((l) => l.expiresAt === expiry)).toBe(true);
    // One lesson written meanwhile from a profile read before the leave: the old expiry.
    const [late] = lessons;
    const lateKey = registrationKey(late?.registrationId ?? '');
    const stale = studentItemExpiry(undefined, '2026-09-30', 5);
    await h.table.doc.send(
      new PutCommand({
        TableName: h.table.tableName,
        Item: { ...(await itemAt(lateKey)), expiresAt: stale },
      }),
    );

    const written: string[] = [];
    const send = h.table.doc.send.bind(h.table.doc) as (command: unknown) => Promise<unknown>;
    const spy = vi.spyOn(h.table.doc, 'send').mockImplementation(((command: {
      input: { Key?: { pk: string } };
    }) => {
      if (command instanceof UpdateCommand) written.push(String(command.input.Key?.pk));
      return send(command);
    }) as never);
    try {
      await rewriteStudentExpiry(h.table, 's-rik', expiry);
    } finally {
      spy.mockRestore();
    }
    expect(written.filter((pk) => pk.startsWith('REG#'))).toEqual([lateKey.pk]);
    expect((await itemAt(lateKey))?.expiresAt).toBe(expiry);
  });

  it("gives the open-window marker of a student who leaves the student's expiry", async () => {
    // Monday 7 September: one lesson missed, so the window stays open until the week is judged.
    await h.student('s-rik');
    await h.deliver(...day('s-rik', '2026-09-07', { lessons: 1 }));
    await h.nightly('2026-09-07');
    expect(await itemAt(openWindowMarkerKey('s-rik'))).toBeDefined();
    await h.deliver(leftEvent('s-rik', '2026-10-01'));
    expect((await itemAt(openWindowMarkerKey('s-rik')))?.expiresAt).toBe(dateItemExpiry('2026-10-01', 5));
  });

  it('creates nothing for a key that points at nothing (the outflow marker already handled)', async () => {
    await openReport('s-rik');
    await rewriteStudentExpiry(h.table, 's-rik', dateItemExpiry('2026-10-01', 5));
    expect(await itemAt(outflowPendingKey('s-rik'))).toBeUndefined();
  });
});

describe("a case's letters leave with the student", () => {
  it('gives an archived letter the expiry of the student who left', async () => {
    await h.student('s-lot');
    const letter = {
      letterId: 't-4w.invitation.1',
      kind: 'invitation' as const,
      taskId: 't-4w',
      studentId: 's-lot',
      studentName: 'Student s-lot',
      createdOn: '2026-09-14',
      by: 'vb-bakker',
      subject: 'Uitnodiging voor een gesprek over je verzuim',
      html: '<p>Beste Student s-lot,</p>',
      expiresAt: studentItemExpiry(undefined, '2026-09-14', 5),
    };
    await h.table.doc.send(new PutCommand(letterItem(h.table, letter).Put as PutCommandInput));
    await h.deliver(leftEvent('s-lot', '2026-10-01'));
    expect((await itemAt(letterKey(letter.letterId)))?.expiresAt).toBe(dateItemExpiry('2026-10-01', 5));
  });
});
