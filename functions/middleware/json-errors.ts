import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { HttpProblem } from './http-problem';

export const jsonResponse = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

/**
 * Answers an HttpProblem with its status and JSON body, and anything else with a bare 500
 * (logged with its stack, never echoed to the caller).
 */
export function jsonErrors(logger: Logger): MiddlewareObj<unknown, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      const { error } = request;
      if (error instanceof HttpProblem) {
        const response = jsonResponse(error.statusCode, error.body);
        request.response = { ...response, headers: { ...response.headers, ...error.headers } };
        return;
      }
      logger.error('unhandled error', { error: error as Error });
      request.response = jsonResponse(500, { error: 'internal error' });
    },
  };
}
