import { completeOutflowStep, type OutflowCase, type OutflowStep, reportToRmc } from '../../domain/case';
import { localDate } from '../../domain/dates';
import { CaseNotFound } from '../../domain/errors';
import type { Expiring } from '../../domain/expiring';
import type { Actor } from '../../domain/lifecycle';
import { getCase, saveCase } from '../../store/cases-repository';
import { studentItemExpiry } from '../../store/retention';
import { getStudent } from '../../store/students';
import { createTask, getTask } from '../../store/tasks-repository';
import type { AuditedChange } from '../effects/audit';
import { commitWith } from '../effects/commit';
import { mailTask, type ReportDeps } from '../reports/actions';
import { taskCreatedEvent } from '../tasks/task-mails';

/**
 * The coach's outflow case, from the dashboard and the API alike: each step is saved on its
 * version with its audit entry (before and after) in one transaction.
 */

async function caseOf(deps: ReportDeps, caseId: string): Promise<OutflowCase> {
  const outflow = await getCase(deps.store, caseId);
  if (!outflow) throw new CaseNotFound(caseId);
  return outflow;
}

async function expiryOf(deps: ReportDeps, c: OutflowCase): Promise<number> {
  return (
    c.expiresAt ?? studentItemExpiry(await getStudent(deps.store, c.studentId), c.leftOn, deps.retentionYears)
  );
}

function caseChange(
  actor: Actor,
  at: string,
  what: string,
  before: OutflowCase,
  after: OutflowCase,
  expiresAt: number,
): AuditedChange {
  return {
    entity: 'case',
    entityId: after.caseId,
    by: actor.staffId,
    at,
    what,
    before,
    after,
    studentId: after.studentId,
    expiresAt,
  };
}

export async function markOutflowStep(
  deps: ReportDeps,
  command: { caseId: string; step: OutflowStep; note?: string; actor: Actor; now: Date },
): Promise<OutflowCase> {
  const before = await caseOf(deps, command.caseId);
  const at = command.now.toISOString();
  const note = command.note?.trim();
  const after = completeOutflowStep(before, command.step, {
    by: command.actor.staffId,
    at,
    ...(note ? { note } : {}),
  });
  const audit = [
    caseChange(command.actor, at, `step ${command.step}`, before, after, await expiryOf(deps, before)),
  ];
  await commitWith(deps, { audit }, (store) => saveCase(store, after, before.version));
  return after;
}

/**
 * "RMC-melding maken": the case records it, then the DUO task (with its RMC draft) is created and
 * the attendance officers are told, as a coach's DUO action does. A retry after a crash between
 * the two finds the case reported and creates the missing task (its id is the case's).
 */
export async function makeRmcReport(
  deps: ReportDeps,
  command: { caseId: string; note: string; actor: Actor; now: Date },
): Promise<OutflowCase> {
  const before = await caseOf(deps, command.caseId);
  const at = command.now.toISOString();
  const today = localDate(command.now);
  const expiresAt = await expiryOf(deps, before);
  // A retry after a crash between the two: the case says reported, its task is missing.
  const taskMissing =
    before.steps?.rmc_reported !== undefined &&
    before.rmcTaskId !== undefined &&
    !(await getTask(deps.store, before.rmcTaskId));
  const { rmc_reported: _, ...otherSteps } = before.steps ?? {};
  // Otherwise the pure function refuses a second report (`InvalidTransition`, already done).
  const { outflow, task } = reportToRmc(
    taskMissing ? { ...before, steps: otherSteps } : before,
    command.actor,
    at,
    today,
    command.note,
  );
  if (!taskMissing) {
    const audit = [caseChange(command.actor, at, 'RMC report', before, outflow, expiresAt)];
    await commitWith(deps, { audit }, (store) => saveCase(store, outflow, before.version));
  }
  const stored: Expiring<typeof task> = { ...task, expiresAt };
  const audit: AuditedChange[] = [
    {
      entity: 'task',
      entityId: task.taskId,
      by: command.actor.staffId,
      at,
      what: 'RMC report',
      before: null,
      after: stored,
      studentId: task.studentId,
      expiresAt,
    },
  ];
  const { result: isNew } = await commitWith(deps, { audit, events: [taskCreatedEvent(stored)] }, (store) =>
    createTask(store, stored),
  );
  if (isNew) await mailTask(deps, stored);
  return taskMissing ? before : outflow;
}
