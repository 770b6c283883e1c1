import { Duration } from 'aws-cdk-lib';
import { MathExpression, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import {
  WEBHOOK_DELIVERIES,
  WEBHOOK_SERVICE,
  WEBHOOK_SIGNATURE_REFUSED,
} from '../../functions/handlers/webhook-metrics';
import { METRICS_NAMESPACE } from '../../functions/middleware/observability';
import type { Alarms } from './alarms';
import type { ApiRoute, PresentieHttpApi } from './http-api';

/** A rate over fewer deliveries than this says nothing (one stale retry would be 100 %). */
export const WEBHOOK_RATE_MIN_DELIVERIES = 5;
/** Half the deliveries refused their signature: a secret out of step with the sender, or probing. */
export const WEBHOOK_REFUSED_RATE = 0.5;

const RATE_PERIOD = Duration.minutes(15);
const ROUTE_PERIOD = Duration.minutes(5);

/**
 * Alarms on what the Lambda error metric cannot see: answers the handlers turned into a 5xx
 * themselves (per route, from API Gateway's detailed metrics), and the webhook's 401 rate
 * (from the handler's own metrics). No delivery waits for another (ingestion takes no lock), so
 * every 5xx of the webhook is a fault worth an alarm, as on the other routes.
 */
export function addApiAlarms(alarms: Alarms, props: { api: PresentieHttpApi }): void {
  const { api } = props;
  for (const route of api.routes) {
    const logGroup = route.kind === 'webhook' ? "the webhook's" : "the API's";
    alarms.alarm(`${alarmId(route)}ServerErrors`, alarms.action, {
      metric: routeServerErrors(api, route),
      threshold: 1,
      description: `${route.key} answered a server error (5xx; see ${logGroup} log group).`,
    });
  }

  alarms.alarm('WebhookSignatureRefusedRate', alarms.action, {
    metric: webhookRate(WEBHOOK_SIGNATURE_REFUSED, 'refused'),
    threshold: WEBHOOK_REFUSED_RATE,
    description: `At least ${WEBHOOK_REFUSED_RATE * 100} % of the webhook deliveries in 15 minutes were refused with 401: check the secret (rotation) with the presence system, or someone is probing the webhook.`,
  });
}

/** `POST /webhooks/presence` -> `PostWebhooksPresence`, `GET /api/{proxy+}` -> `GetApiProxy`. */
function alarmId(route: ApiRoute): string {
  return route.key
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('');
}

/** API Gateway's route-level 5xx count (detailed metrics of the $default stage). */
function routeServerErrors(api: PresentieHttpApi, route: ApiRoute): Metric {
  return new Metric({
    namespace: 'AWS/ApiGateway',
    metricName: '5xx',
    dimensionsMap: {
      ApiId: api.httpApi.apiId,
      Stage: api.stage.stageName,
      Method: route.method,
      Resource: route.path,
    },
    period: ROUTE_PERIOD,
    statistic: 'Sum',
  });
}

function webhookMetric(metricName: string, period: Duration): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { service: WEBHOOK_SERVICE },
    period,
    statistic: 'Sum',
  });
}

/** The share of deliveries counted by `metricName`, 0 while there were too few to tell. */
function webhookRate(metricName: string, label: string): MathExpression {
  return new MathExpression({
    expression: `IF(deliveries >= ${WEBHOOK_RATE_MIN_DELIVERIES}, FILL(${label}, 0) / deliveries, 0)`,
    usingMetrics: {
      deliveries: webhookMetric(WEBHOOK_DELIVERIES, RATE_PERIOD),
      [label]: webhookMetric(metricName, RATE_PERIOD),
    },
    period: RATE_PERIOD,
    label: `${label} share of webhook deliveries`,
  });
}
