import {
  CaseNotFound,
  ConcurrentModification,
  ExplanationRequired,
  InvalidTransition,
  NothingToRemind,
  ReminderAlreadySent,
  ReportAlreadyHandled,
  ReportNotFound,
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
  if (error instanceof ExplanationRequired) return 422;
  return undefined;
}
