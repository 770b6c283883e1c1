import { MetricUnit } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { type ApiDeps, createApi } from '../api/app';
import { jsonErrors } from '../middleware/json-errors';
import { loadOnce } from '../middleware/load-once';
import { observability } from '../middleware/observability';

/** The dashboard API behind the HTTP API's JWT authorizer (routes: shared/api/routes.ts). */

const { logger, metrics, middleware } = observability('api');

/**
 * The handler around explicit dependencies. Refusals and named domain errors are answered by
 * the API itself (api/app.ts); anything reaching `jsonErrors` is unexpected: a logged 500.
 */
export function createApiHandler(loadDeps: () => ApiDeps | Promise<ApiDeps>) {
  const api = loadOnce(async () => createApi({ logger, ...(await loadDeps()) }));
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(middleware)
    .use(httpHeaderNormalizer())
    .use(jsonErrors(logger))
    .handler(async (event) => {
      metrics.addMetric('requests', MetricUnit.Count, 1);
      return (await api())(event);
    });
}
