import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { MiddlewareObj } from '@middy/core';
import { type FunctionName, SERVICE_NAMES } from '../service-names';

export const METRICS_NAMESPACE = 'Presentie';

export interface Observability {
  logger: Logger;
  metrics: Metrics;
  /**
   * The Powertools middleware every handler runs first: the Lambda context on every log line
   * (keys appended during one invocation do not leak into the next) and the metrics flushed
   * after it, also when it fails.
   */
  middleware: MiddlewareObj[];
}

/**
 * One logger and one metrics instance per function, under its service name (service-names.ts,
 * which the infrastructure reads too). Logs carry ids only, never names or e-mail addresses.
 * Locally `POWERTOOLS_METRICS_DISABLED=true` keeps EMF off stdout.
 */
export function observability(name: FunctionName): Observability {
  const serviceName = SERVICE_NAMES[name];
  const logger = new Logger({ serviceName });
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName });
  return {
    logger,
    metrics,
    middleware: [injectLambdaContext(logger, { resetKeys: true }), logMetrics(metrics)],
  };
}
