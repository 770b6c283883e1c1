import { createHash } from 'node:crypto';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { listedIssues, MAX_BODY_BYTES, MAX_EVENTS, parseBatch } from '../../shared/contract/batch';
import { HttpProblem } from '../middleware/http-problem';
import { jsonErrors, jsonResponse } from '../middleware/json-errors';
import { loadOnce } from '../middleware/load-once';
import { observability } from '../middleware/observability';
import { header, rawBody } from '../middleware/raw-body';
import { verifyStandardWebhook, webhookVerifiers } from '../middleware/standard-webhook';
import { withStoredSettings } from '../usecases/admin/school-settings';
import { calendarOf, type Outcome } from '../usecases/ingest/context';
import { DeliveryIdReused, ingestBatch } from '../usecases/ingest/ingest-batch';
import type { WebhookDeps } from '../wiring/webhook';
import { WEBHOOK_DELIVERIES, WEBHOOK_SIGNATURE_REFUSED } from './webhook-metrics';

/** POST /webhooks/presence: the presence system's contract (shared/contract, docs/data-model.md). */

const { logger, metrics, middleware } = observability('webhook');

/** Room in a 400 for its error text and counts; its issues fill at most the rest of the request's size. */
const ANSWER_OVERHEAD_BYTES = 200;

const isJson = (contentType: string | undefined): boolean =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';

/** The handler around explicit dependencies (tests pass their own store or a failing one). */
export function createWebhookHandler(loadDeps: () => WebhookDeps | Promise<WebhookDeps>) {
  const prepare = loadOnce(async () => {
    const deps = await loadDeps();
    return { deps, verifiers: webhookVerifiers(deps.secrets) };
  });

  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(middleware)
    .use(jsonErrors(logger))
    .handler(async (event) => {
      const { deps, verifiers } = await prepare();
      metrics.addMetric(WEBHOOK_DELIVERIES, MetricUnit.Count, 1);
      const body = rawBody(event);
      if (body.length > MAX_BODY_BYTES) {
        throw new HttpProblem(413, { error: `body over ${MAX_BODY_BYTES} bytes` });
      }
      const signed = {
        'webhook-id': header(event, 'webhook-id'),
        'webhook-timestamp': header(event, 'webhook-timestamp'),
        'webhook-signature': header(event, 'webhook-signature'),
      };
      try {
        verifyStandardWebhook(verifiers, body, signed);
      } catch (error) {
        metrics.addMetric(WEBHOOK_SIGNATURE_REFUSED, MetricUnit.Count, 1);
        logger.warn('delivery refused: signature', { webhookId: signed['webhook-id'] });
        throw error;
      }
      const deliveryId = signed['webhook-id'] as string;
      logger.appendKeys({ webhookId: deliveryId });
      if (!isJson(header(event, 'content-type'))) {
        throw new HttpProblem(415, { error: 'expected Content-Type: application/json' });
      }
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        throw new HttpProblem(400, { error: 'body is not valid JSON', issueCount: 0, issues: [] });
      }
      // The administrator's calendar (if stored) for this delivery's classification.
      const ingest = await withStoredSettings(deps.ingest);
      const batch = parseBatch(json, {
        now: ingest.now(),
        skewMs: deps.occurredAtSkewMs,
        calendar: calendarOf(ingest).coverage,
      });
      if (!batch.ok && batch.tooMany) {
        throw new HttpProblem(413, { error: `${batch.count} events; at most ${MAX_EVENTS} per delivery` });
      }
      if (!batch.ok) {
        logger.info('delivery refused: schema', { issues: batch.issues.length });
        const issues = listedIssues(batch.issues, body.length - ANSWER_OVERHEAD_BYTES);
        throw new HttpProblem(400, {
          error: `the batch does not match the contract (issues: ${batch.issues.length}, listed: ${issues.length})`,
          issueCount: batch.issues.length,
          issues,
        });
      }
      const bodyHash = createHash('sha256').update(body).digest('hex');
      const input = { deliveryId, bodyHash, events: batch.events };
      const output = await ingestBatch(ingest, input).catch((error) => {
        if (error instanceof DeliveryIdReused) {
          metrics.addMetric('deliveriesReused', MetricUnit.Count, 1);
          logger.warn('delivery refused: webhook-id reused for another body');
          throw new HttpProblem(409, { error: 'this webhook-id was used before for another body' });
        }
        throw error;
      });
      const counts: Record<Outcome, number> = { applied: 0, duplicate: 0, stale: 0, pending: 0 };
      for (const r of output.results) counts[r.outcome]++;
      for (const [outcome, n] of Object.entries(counts))
        metrics.addMetric(`events_${outcome}`, MetricUnit.Count, n);
      logger.info('delivery stored', { received: output.received, ...counts });
      return jsonResponse(200, output);
    });
}
