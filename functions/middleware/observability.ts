import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export const METRICS_NAMESPACE = 'Presentie';

/**
 * One logger and one metrics instance per function. Logs carry ids only, never names or
 * e-mail addresses. Locally `POWERTOOLS_METRICS_DISABLED=true` keeps EMF off stdout.
 */
export function observability(serviceName: string): { logger: Logger; metrics: Metrics } {
  return {
    logger: new Logger({ serviceName }),
    metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName }),
  };
}
