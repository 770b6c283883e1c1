import { translate } from '../../shared/i18n';
import { duoDeadlineOf } from './duo';
import { ExplanationRequired, InvalidTransition, ReportAlreadyHandled } from './errors';
import { actionTaskId } from './ids';
import type { Report, ReportAction } from './report';
import { type DuoDraft, type DuoStatus, newTask, type Task, type TaskKind, type TaskStatus } from './task';

/**
 * The life of a 16-hour report and its tasks as pure functions: given a record and a command,
 * the next record (and the task to create), or a named error. No I/O, no clock.
 */

export interface Actor {
  staffId: string;
  name: string;
  email: string;
}

export interface ActionInput {
  action: ReportAction;
  explanation: string;
  by: Actor;
  /** ISO timestamp of the command. */
  at: string;
  /** Local date of the command. */
  today: string;
  /** DUO: the coach's suspected reason for the absence (kept on the dashboard, never mailed). */
  suspectedReason?: string;
  /** Correction: the period to correct; defaults to the report's period. */
  period?: { from: string; to: string };
}

/** In the team's open list: not yet handled (a coach's conversation keeps it there until completed). */
export function isOpen(report: Report): boolean {
  return report.status === 'open' || report.status === 'conversation';
}

/** After a completed conversation by the coach, another action may still be chosen. */
function acceptsAction(report: Report): boolean {
  if (isOpen(report)) return true;
  const last = report.actions.at(-1);
  return (
    report.status === 'handled' && last?.action === 'coach_conversation' && last.completedAt !== undefined
  );
}

/** The task an action asks for (the coach's own conversation asks for none). */
const TASK_FOR: Partial<Record<ReportAction, TaskKind>> = {
  duo: 'duo_report',
  correction: 'correction',
  officer_conversation: 'officer_conversation',
  officer_question: 'officer_question',
};

export function applyAction(report: Report, input: ActionInput): { report: Report; task?: Task } {
  const explanation = input.explanation.trim();
  if (explanation === '') throw new ExplanationRequired();
  if (report.status === 'withdrawn')
    throw new InvalidTransition(
      'report',
      'withdrawn',
      input.action,
      'the report was withdrawn',
      'report_withdrawn',
    );
  if (!acceptsAction(report)) throw new ReportAlreadyHandled(report.reportId);
  if (input.action === 'duo' && report.routeX) {
    throw new InvalidTransition(
      'report',
      report.status,
      'duo',
      'a Route-X report is never sent to DUO',
      'duo_route_x',
    );
  }
  if (input.action === 'duo' && report.addressee === 'none') {
    throw new InvalidTransition(
      'report',
      report.status,
      'duo',
      'no legal report applies to this student',
      'no_legal_report',
    );
  }
  if (input.action === 'coach_conversation' && report.status === 'conversation') {
    throw new InvalidTransition(
      'report',
      'conversation',
      'coach_conversation',
      'a conversation is already under way',
      'conversation_under_way',
    );
  }

  const index = report.actions.length;
  const kind = TASK_FOR[input.action];
  const taskId = kind ? actionTaskId(report.reportId, index) : undefined;
  const next: Report = {
    ...report,
    actions: [
      ...report.actions,
      {
        action: input.action,
        explanation,
        by: input.by.staffId,
        at: input.at,
        ...(taskId ? { taskId } : {}),
      },
    ],
    version: report.version + 1,
  };
  if (input.action === 'coach_conversation') {
    next.status = 'conversation';
    delete next.handledAt;
    delete next.handledBy;
  } else {
    next.status = 'handled';
    next.handledAt = input.at;
    next.handledBy = input.by.staffId;
  }
  if (!kind || !taskId) return { report: next };

  const task = newTask({
    taskId,
    kind,
    about: report,
    reportId: report.reportId,
    createdOn: input.today,
    explanation,
  });
  if (input.action === 'correction') task.period = input.period ?? { from: report.from, to: report.to };
  if (input.action === 'duo') {
    task.duo = duoDraft(report, input, explanation);
    task.duoRecord = { history: [] };
    // "Melden ja": the task carries DUO's legal deadline, later than the coach's own due date.
    task.dueDate = duoDeadlineOf(report);
  }
  return { report: next, task };
}

function duoDraft(report: Report, input: ActionInput, explanation: string): DuoDraft {
  const earlier = report.actions
    .filter((a) => a.action === 'coach_conversation')
    .map((a) =>
      translate('nl', 'duo.coachConversation', { date: a.at.slice(0, 10), explanation: a.explanation }),
    );
  return {
    studentId: report.studentId,
    studentName: report.studentName,
    type: '16_hours_in_4_weeks',
    addressee: report.addressee === 'rmc' ? 'rmc' : 'lpa',
    from: report.from,
    to: report.to,
    absentDays: report.absentDays,
    absentHours: Math.floor(report.unauthorizedMinutes / 60),
    absentMinutes: report.unauthorizedMinutes,
    suspectedReason: input.suspectedReason?.trim() || 'onbekend',
    allLessonsMissed: report.allLessonsMissed,
    actionTaken: [...earlier, `${input.today}: ${explanation}`].join('\n'),
    reporter: { staffId: input.by.staffId, name: input.by.name, role: 'coach', email: input.by.email },
  };
}

/**
 * "Actie afgerond": the coach's conversation is done, with its short outcome. It completes the
 * conversation's own entry (one conversation, not a second one) and handles the report.
 */
export function completeConversation(report: Report, by: Actor, at: string, outcome: string): Report {
  const said = outcome.trim();
  if (said === '') throw new ExplanationRequired();
  const last = report.actions.at(-1);
  if (report.status !== 'conversation' || last?.action !== 'coach_conversation') {
    throw new InvalidTransition(
      'report',
      report.status,
      'completed',
      'no conversation by the coach is under way',
      'no_conversation',
    );
  }
  return {
    ...report,
    status: 'handled',
    handledAt: at,
    handledBy: by.staffId,
    actions: [...report.actions.slice(0, -1), { ...last, completedAt: at, outcome: said }],
    version: report.version + 1,
  };
}

/** The basis disappeared (registrations corrected below the threshold) before the coach handled it. */
export function withdraw(report: Report, asOf: string): Report {
  if (!isOpen(report)) throw new InvalidTransition('report', report.status, 'withdrawn');
  return { ...report, status: 'withdrawn', withdrawnOn: asOf, version: report.version + 1 };
}

const TASK_ORDER: Record<TaskStatus, number> = { open: 0, in_progress: 1, done: 2 };

/** Tasks only move forward: open → in progress → done. */
export function moveTask(task: Task, to: TaskStatus): Task {
  if (TASK_ORDER[to] <= TASK_ORDER[task.status]) throw new InvalidTransition('task', task.status, to);
  return { ...task, status: to, version: task.version + 1 };
}

export function recordDuo(task: Task, status: DuoStatus, by: string, at: string, reason?: string): Task {
  if (task.kind !== 'duo_report' || !task.duoRecord) {
    throw new InvalidTransition('task', task.kind, `duo:${status}`, 'only a DUO task has a DUO status');
  }
  if (status === 'closed' && !reason?.trim()) {
    throw new InvalidTransition(
      'task',
      task.duoRecord.status ?? 'none',
      'closed',
      'DUO closes a report with a reason',
    );
  }
  const previous = task.duoRecord.status;
  if (previous === 'closed' || previous === 'withdrawn') {
    throw new InvalidTransition('task', previous, status, 'DUO has finished with this report');
  }
  const entry = { status, by, at, ...(reason?.trim() ? { reason: reason.trim() } : {}) };
  return {
    ...task,
    duoRecord: {
      status,
      ...(status === 'closed' ? { closedReason: reason?.trim() } : {}),
      history: [...task.duoRecord.history, entry],
    },
    version: task.version + 1,
  };
}
