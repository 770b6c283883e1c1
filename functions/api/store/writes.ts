import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { appendAudit } from '../../store/audit-repository';
import type { Store } from '../../store/client';
import { getReport, saveReport } from '../../store/reports-repository';
import { getStudent } from '../../store/students';
import { createTask, getTask, listTasksByKind, saveTask } from '../../store/tasks-repository';
import { ReportNotFound, TaskNotFound } from '../../usecases/reports/errors';
import { applyAction, completeConversation, moveTask, recordDuo } from '../../usecases/reports/lifecycle';
import type { Task, TaskKind } from '../../usecases/reports/model';
import type { ApiData } from '../ports';
import { NotFoundError } from '../ports';
import { localDate } from './dates';

export type ApiWrites = Pick<
  ApiData,
  | 'applyReportAction'
  | 'completeConversation'
  | 'createReferral'
  | 'updateTaskStatus'
  | 'recordDuoStatus'
  | 'exportDuoCsv'
>;

const REFERRAL_TASK: Record<string, TaskKind> = {
  duo: 'duo_report',
  officer_conversation: 'officer_conversation',
  officer_question: 'officer_question',
};

/**
 * The dashboard's commands: each reads one record, applies the pure life-cycle function and
 * writes it back conditionally on its version (ConcurrentModification on a race), then the
 * task it creates (idempotent id) and an audit entry.
 */
export function storeWrites(store: Store): ApiWrites {
  return {
    async applyReportAction({ reportId, action, explanation, actor, now }) {
      const report = await getReport(store, reportId);
      if (!report) throw new ReportNotFound(reportId);
      const at = now.toISOString();
      const { report: next, task } = applyAction(report, {
        action,
        explanation,
        by: actor,
        at,
        today: localDate(now),
      });
      await saveReport(store, next, report.version);
      if (task) await createTask(store, task);
      await appendAudit(
        store,
        {
          entity: 'report',
          entityId: reportId,
          at,
          by: actor.staffId,
          what: `action ${action}`,
          before: report,
          after: next,
        },
        report.studentId,
      );
    },

    async completeConversation({ reportId, actor, now }) {
      const report = await getReport(store, reportId);
      if (!report) throw new ReportNotFound(reportId);
      const at = now.toISOString();
      const next = completeConversation(report, actor, at);
      await saveReport(store, next, report.version);
      await appendAudit(
        store,
        {
          entity: 'report',
          entityId: reportId,
          at,
          by: actor.staffId,
          what: 'conversation completed',
          before: report,
          after: next,
        },
        report.studentId,
      );
    },

    async createReferral({ studentId, category, explanation, actor, now }) {
      const student = await getStudent(store, studentId);
      if (!student) throw new NotFoundError('student not found');
      const task: Task = {
        taskId: `referral-${randomUUID()}`,
        kind: REFERRAL_TASK[category] ?? 'officer_question',
        role: 'attendance_officer',
        studentId,
        studentName: student.displayName,
        teamId: student.teamId,
        status: 'open',
        createdOn: localDate(now),
        explanation: explanation.trim(),
        version: 1,
      };
      await createTask(store, task);
      await appendAudit(
        store,
        {
          entity: 'task',
          entityId: task.taskId,
          at: now.toISOString(),
          by: actor.staffId,
          what: `referral ${category}`,
          before: null,
          after: task,
        },
        studentId,
      );
      return { taskId: task.taskId };
    },

    async updateTaskStatus({ taskId, status, actor, now }) {
      const task = await getTask(store, taskId);
      if (!task) throw new TaskNotFound(taskId);
      const next = moveTask(task, status);
      await saveTask(store, next, task.version);
      await appendAudit(
        store,
        {
          entity: 'task',
          entityId: taskId,
          at: now.toISOString(),
          by: actor.staffId,
          what: `status ${status}`,
          before: task,
          after: next,
        },
        task.studentId,
      );
    },

    async recordDuoStatus({ taskId, status, reason, actor, now }) {
      const task = await getTask(store, taskId);
      if (!task) throw new TaskNotFound(taskId);
      const at = now.toISOString();
      const next = recordDuo(task, status, actor.staffId, at, reason);
      await saveTask(store, next, task.version);
      await appendAudit(
        store,
        {
          entity: 'task',
          entityId: taskId,
          at,
          by: actor.staffId,
          what: `DUO ${status}`,
          before: task,
          after: next,
        },
        task.studentId,
      );
    },

    async exportDuoCsv() {
      const tasks = (
        await Promise.all(
          (['open', 'in_progress'] as const).map((s) => listTasksByKind(store, 'duo_report', s)),
        )
      ).flat();
      const rows = tasks.flatMap((t) =>
        t.duo
          ? [
              [
                t.duo.studentId,
                t.duo.studentName,
                t.duo.type,
                t.duo.addressee,
                t.duo.from,
                t.duo.to,
                t.duo.absentDays,
                t.duo.absentHours,
                t.duo.allLessonsMissed ? 'ja' : 'nee',
                t.duo.suspectedReason,
                t.duo.actionTaken,
                t.duo.reporter.name,
                t.duo.reporter.email,
                t.duoRecord?.status ?? '',
              ],
            ]
          : [],
      );
      return stringify(rows, {
        header: true,
        columns: [
          'studentnummer',
          'naam',
          'soort',
          'ontvanger',
          'begindatum',
          'einddatum',
          'dagen',
          'uren',
          'alle_lessen_gemist',
          'vermoedelijke_reden',
          'ondernomen_acties',
          'melder',
          'melder_email',
          'status_duo',
        ],
      });
    },
  };
}
