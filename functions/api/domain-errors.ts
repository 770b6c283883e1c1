import {
  CaseNotFound,
  ConcurrentModification,
  ExplanationRequired,
  InvalidTransition,
  NothingToRemind,
  OwnerNotInRole,
  ReminderAlreadySent,
  ReportAlreadyHandled,
  ReportNotFound,
  StepError,
  StudentNotFound,
  TaskNotFound,
} from '../domain/errors';

/** The HTTP status of a named domain error, or undefined for anything unexpected (a 500). */
export function statusOfDomainError(error: unknown): number | undefined {
  if (
    error instanceof ReportNotFound ||
    error instanceof StudentNotFound ||
    error instanceof TaskNotFound ||
    error instanceof CaseNotFound
  )
    return 404;
  if (
    error instanceof ReportAlreadyHandled ||
    error instanceof InvalidTransition ||
    error instanceof ConcurrentModification ||
    error instanceof ReminderAlreadySent ||
    error instanceof NothingToRemind
  ) {
    return 409;
  }
  if (error instanceof ExplanationRequired || error instanceof OwnerNotInRole) return 422;
  if (error instanceof StepError)
    return error.code === 'flow_closed' || error.code === 'step_not_current' ? 409 : 422;
  return undefined;
}

/** The code of a named refusal, for the dashboard's text (`error.<code>` in shared/i18n). */
function codeOf(error: Error): string | undefined {
  if (error instanceof InvalidTransition) return error.code;
  if (error instanceof ReportAlreadyHandled) return 'report_already_handled';
  if (error instanceof ConcurrentModification) return 'concurrent_modification';
  if (error instanceof ExplanationRequired) return 'explanation_required';
  if (error instanceof ReminderAlreadySent) return 'reminder_already_sent';
  if (error instanceof NothingToRemind) return 'nothing_to_remind';
  if (error instanceof OwnerNotInRole) return 'owner_not_in_role';
  return undefined;
}

/** The answer to a named domain error: its message, and a code (with values) for its text. */
export function domainErrorBody(error: Error): {
  error: string;
  code?: string;
  values?: Record<string, string>;
} {
  if (error instanceof StepError) return { error: error.message, code: error.code, values: error.values };
  const code = codeOf(error);
  return code ? { error: error.message, code } : { error: error.message };
}
