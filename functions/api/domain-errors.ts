import {
  ConcurrentModification,
  ExplanationRequired,
  InvalidTransition,
  ReportAlreadyHandled,
  ReportNotFound,
  StepError,
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
  if (error instanceof ExplanationRequired) return 422;
  if (error instanceof StepError)
    return error.code === 'flow_closed' || error.code === 'step_not_current' ? 409 : 422;
  return undefined;
}

/** The answer to a named domain error: its message, and a step error's code and values for its text. */
export function domainErrorBody(error: Error): {
  error: string;
  code?: string;
  values?: Record<string, string>;
} {
  if (error instanceof StepError) return { error: error.message, code: error.code, values: error.values };
  return { error: error.message };
}
