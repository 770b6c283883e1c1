import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { HttpProblem } from './http-problem';

export const jsonResponse = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

/** The answer to an HttpProblem: its status, its JSON body and its own headers over `base`. */
export function problemResponse(
  problem: HttpProblem,
  base: APIGatewayProxyStructuredResultV2['headers'] = {},
): APIGatewayProxyStructuredResultV2 {
  const response = jsonResponse(problem.statusCode, problem.body);
  return { ...response, headers: { ...response.headers, ...base, ...problem.headers } };
}

const rawPathOf = (event: unknown): string | undefined =>
  typeof event === 'object' && event !== null && 'rawPath' in event && typeof event.rawPath === 'string'
    ? event.rawPath
    : undefined;

/**
 * The errors middleware of the HTTP handlers: answers an HttpProblem with its status and JSON
 * body, and anything else with a bare 500 (logged with its stack, never echoed to the caller).
 */
export function jsonErrors(logger: Logger): MiddlewareObj<unknown, APIGatewayProxyStructuredResultV2> {
  return {
    onError: (request) => {
      const { error } = request;
      if (error instanceof HttpProblem) {
        request.response = problemResponse(error);
        return;
      }
      logger.error('unhandled error', { path: rawPathOf(request.event), error: error as Error });
      request.response = jsonResponse(500, { error: 'internal error' });
    },
  };
}

/**
 * The errors middleware of the scheduled handlers: logs the error with its stack and lets it
 * fail the invocation, so that Lambda retries it and parks it in the dead-letter queue.
 */
export function logErrors(logger: Logger): MiddlewareObj {
  return {
    onError: (request) => {
      logger.error('invocation failed', { error: request.error as Error });
    },
  };
}
