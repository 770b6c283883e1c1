/** Named failures of the report life cycle; the API maps them to 404, 409 and 422 (api/domain-errors.ts). */
export class ReportNotFound extends Error {
  override readonly name = 'ReportNotFound';
  constructor(readonly reportId: string) {
    super(`Report ${reportId} does not exist`);
  }
}

export class ReportAlreadyHandled extends Error {
  override readonly name = 'ReportAlreadyHandled';
  constructor(readonly reportId: string) {
    super(`Report ${reportId} has already been handled`);
  }
}

export class TaskNotFound extends Error {
  override readonly name = 'TaskNotFound';
  constructor(readonly taskId: string) {
    super(`Task ${taskId} does not exist`);
  }
}

export class CaseNotFound extends Error {
  override readonly name = 'CaseNotFound';
  constructor(readonly caseId: string) {
    super(`Case ${caseId} does not exist`);
  }
}

export class StudentNotFound extends Error {
  override readonly name = 'StudentNotFound';
  constructor(readonly studentId: string) {
    super(`Student ${studentId} does not exist`);
  }
}

export class InvalidTransition extends Error {
  override readonly name = 'InvalidTransition';
  constructor(
    readonly entity: 'report' | 'task' | 'case',
    readonly from: string,
    readonly to: string,
    reason?: string,
    /** The refusal's name for the dashboard's text (`error.<code>` in shared/i18n). */
    readonly code = 'invalid_transition',
  ) {
    super(`A ${entity} cannot go from ${from} to ${to}${reason ? `: ${reason}` : ''}`);
  }
}

/**
 * A conditional write lost: someone else changed the item between our read and our write, or a
 * newer version of it is already stored. The store turns every failed condition of a write that
 * must not be lost into this (functions/store/errors.ts); reading again and retrying is safe.
 */
export class ConcurrentModification extends Error {
  override readonly name = 'ConcurrentModification';
  constructor(readonly id: string) {
    super(`${id} was changed by someone else; try again`);
  }
}

export class ExplanationRequired extends Error {
  override readonly name = 'ExplanationRequired';
  constructor() {
    super('An explanation is required');
  }
}

/** A manager's reminder to a coach: one per coach per day (the mail id is the coach's and the date's). */
export class ReminderAlreadySent extends Error {
  override readonly name = 'ReminderAlreadySent';
  constructor(
    readonly coachId: string,
    readonly date: string,
  ) {
    super(`Coach ${coachId} has already been reminded on ${date}`);
  }
}

/** A reminder to a coach who has no open report in the unit: nothing to remind of. */
export class NothingToRemind extends Error {
  override readonly name = 'NothingToRemind';
  constructor(readonly coachId: string) {
    super(`Coach ${coachId} has no open reports here`);
  }
}

/** A task is given only to someone of its role (an attendance officer's task to an attendance officer). */
export class OwnerNotInRole extends Error {
  override readonly name = 'OwnerNotInRole';
  constructor(
    readonly staffId: string,
    readonly role: string,
  ) {
    super(`${staffId} does not have the role ${role} of this task`);
  }
}

/**
 * Named failures of a case's steps (functions/domain/steps.ts). Each carries a `code` the API
 * answers with, so the dashboard shows it in the reader's language (`error.<code>` in shared/i18n).
 */
export abstract class StepError extends Error {
  abstract readonly code: string;
  /** Values for the text's placeholders. */
  abstract readonly values: Record<string, string>;
}

export class NoFlow extends StepError {
  override readonly name = 'NoFlow';
  readonly code = 'no_flow';
  readonly values: Record<string, string>;
  constructor(readonly taskId: string) {
    super(`Task ${taskId} has no steps`);
    this.values = { taskId };
  }
}

export class FlowClosed extends StepError {
  override readonly name = 'FlowClosed';
  readonly code = 'flow_closed';
  readonly values: Record<string, string>;
  constructor(readonly taskId: string) {
    super(`The case of task ${taskId} is closed`);
    this.values = { taskId };
  }
}

export class StepNotCurrent extends StepError {
  override readonly name = 'StepNotCurrent';
  readonly code = 'step_not_current';
  readonly values: Record<string, string>;
  constructor(
    readonly taskId: string,
    readonly step: string,
    readonly current: string,
  ) {
    super(`Step ${step} is not the current step of task ${taskId} (that is ${current})`);
    this.values = { step, current };
  }
}

export class OutcomeNotAllowed extends StepError {
  override readonly name = 'OutcomeNotAllowed';
  readonly code = 'outcome_not_allowed';
  readonly values: Record<string, string>;
  constructor(
    readonly step: string,
    readonly outcome: string,
    readonly allowed: readonly string[],
  ) {
    super(`Step ${step} cannot be completed with ${outcome} (only ${allowed.join(', ')})`);
    this.values = { step, outcome, allowed: allowed.join(', ') };
  }
}

export class StepDateRequired extends StepError {
  override readonly name = 'StepDateRequired';
  readonly code = 'step_date_required';
  readonly values: Record<string, string>;
  constructor(readonly step: string) {
    super(`Step ${step} needs a date`);
    this.values = { step };
  }
}

export class StepNoteRequired extends StepError {
  override readonly name = 'StepNoteRequired';
  readonly code = 'step_note_required';
  readonly values: Record<string, string>;
  constructor(readonly step: string) {
    super(`Step ${step} needs a note`);
    this.values = { step };
  }
}

/** A DUO report asked for a student no legal report applies to (23 or older, or 18+ with a starting qualification). */
export class NoDuoRecipient extends StepError {
  override readonly name = 'NoDuoRecipient';
  readonly code = 'no_duo_recipient';
  readonly values: Record<string, string>;
  constructor(readonly taskId: string) {
    super(`No legal report to DUO applies to the student of task ${taskId}; close the case with a reason`);
    this.values = {};
  }
}
