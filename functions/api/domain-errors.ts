import {
  ConcurrentModification,
  ExplanationRequired,
  InvalidTransition,
  OwnerNotInRole,
  ReportAlreadyHandled,
  ReportNotFound,
  StudentNotFound,
  TaskNotFound,
} from '../domain/errors';

/** The HTTP status of a named domain error, or undefined for anything unexpected (a 500). */
export function statusOfDomainError(error: unknown): number | undefined {
  if (error instanceof ReportNotFound || error instanceof StudentNotFound || error instanceof TaskNotFound)
    return 404;
  if (
    error instanceof ReportAlreadyHandled ||
    error instanceof InvalidTransition ||
    error instanceof ConcurrentModification
  ) {
    return 409;
  }
  if (error instanceof ExplanationRequired || error instanceof OwnerNotInRole) return 422;
  return undefined;
}
