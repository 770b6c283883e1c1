import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { z } from 'zod';
import { MAX_BODY_BYTES, MAX_EVENTS, parseBatch } from '../../shared/contract/batch';
import { commonEnv, parseEnv } from '../config';
import { HttpProblem } from '../middleware/http-problem';
import { jsonErrors, jsonResponse } from '../middleware/json-errors';
import { observability } from '../middleware/observability';
import { header, rawBody } from '../middleware/raw-body';
import { loadWebhookSecrets, verifyStandardWebhook, webhookVerifiers } from '../middleware/standard-webhook';
import { documentClient } from '../store/client';
import type { IngestDeps, Outcome } from '../usecases/ingest/context';
import { ingestBatch } from '../usecases/ingest/ingest-batch';
import { IngestBusyError } from '../usecases/ingest/lease';

/** POST /webhooks/presence: the presence system's contract (shared/contract, docs/data-model.md). */

const webhookEnv = commonEnv
  .extend({
    PRESENCE_WEBHOOK_SECRETS: z.string().optional(),
    PRESENCE_WEBHOOK_SECRET_ARN: z.string().optional(),
    /** The ingestion lease: longer than the function's timeout (lease.ts). */
    INGEST_LEASE_SECONDS: z.coerce.number().positive().default(60),
    /** How long a delivery queues for the lease before answering 503. */
    INGEST_WAIT_SECONDS: z.coerce.number().nonnegative().default(15),
  })
  .refine((env) => Boolean(env.PRESENCE_WEBHOOK_SECRETS || env.PRESENCE_WEBHOOK_SECRET_ARN), {
    message: 'set PRESENCE_WEBHOOK_SECRETS (local) or PRESENCE_WEBHOOK_SECRET_ARN (AWS)',
  });

export interface WebhookDeps {
  ingest: IngestDeps;
  /** The webhook secrets (`whsec_...`); more than one during a rotation. */
  secrets: readonly string[];
}

const { logger, metrics } = observability('presence-webhook');

/** A busy lease frees within a delivery's time; the sender may come back soon. */
const RETRY_AFTER_SECONDS = 2;

const isJson = (contentType: string | undefined): boolean =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';

/** The handler around explicit dependencies (tests pass their own store or a failing one). */
export function createWebhookHandler(loadDeps: () => Promise<WebhookDeps>) {
  let ready: Promise<{ deps: WebhookDeps; verifiers: ReturnType<typeof webhookVerifiers> }> | undefined;
  const prepare = () => {
    if (!ready) {
      ready = loadDeps().then((deps) => ({ deps, verifiers: webhookVerifiers(deps.secrets) }));
      // A failed cold start must not poison every later invocation.
      ready.catch(() => {
        ready = undefined;
      });
    }
    return ready;
  };

  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(jsonErrors(logger))
    .handler(async (event) => {
      const { deps, verifiers } = await prepare();
      metrics.addMetric('deliveries', MetricUnit.Count, 1);
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
        metrics.addMetric('deliveriesRefused', MetricUnit.Count, 1);
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
        throw new HttpProblem(400, { error: 'body is not valid JSON', issues: [] });
      }
      const batch = parseBatch(json);
      if (!batch.ok && batch.tooMany) {
        throw new HttpProblem(413, { error: `${batch.count} events; at most ${MAX_EVENTS} per delivery` });
      }
      if (!batch.ok) {
        logger.info('delivery refused: schema', { issues: batch.issues.length });
        throw new HttpProblem(400, { error: 'the batch does not match the contract', issues: batch.issues });
      }
      const output = await ingestBatch(deps.ingest, { deliveryId, events: batch.events }).catch((error) => {
        if (!(error instanceof IngestBusyError)) throw error;
        metrics.addMetric('deliveriesBusy', MetricUnit.Count, 1);
        logger.warn('delivery not stored: lease busy', { waitedMs: error.waitedMs });
        throw new HttpProblem(
          503,
          { error: 'busy storing other deliveries; retry this one' },
          { 'retry-after': String(RETRY_AFTER_SECONDS) },
        );
      });
      const counts: Record<Outcome, number> = { applied: 0, duplicate: 0, stale: 0, pending: 0 };
      for (const r of output.results) counts[r.outcome]++;
      for (const [outcome, n] of Object.entries(counts))
        metrics.addMetric(`events_${outcome}`, MetricUnit.Count, n);
      logger.info('delivery stored', { received: output.received, ...counts });
      return jsonResponse(200, output);
    });
}

export const handler = createWebhookHandler(async () => {
  const env = parseEnv(webhookEnv);
  return {
    ingest: {
      store: { doc: documentClient(), tableName: env.TABLE_NAME },
      retentionYears: env.RETENTION_YEARS,
      now: () => new Date(),
      lease: { durationMs: env.INGEST_LEASE_SECONDS * 1000, waitMs: env.INGEST_WAIT_SECONDS * 1000 },
    },
    secrets: await loadWebhookSecrets(env),
  };
});
