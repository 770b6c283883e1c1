import { z } from 'zod';
import { commonEnv } from '../config';
import { type EventBus, eventBusFor } from '../events';
import { loadWebhookSecrets } from '../middleware/standard-webhook';
import { documentClient, type Store } from '../store/client';
import type { IngestDeps } from '../usecases/ingest/context';

/** The webhook function's environment (infra/stacks/app-stack.ts sets it). */
export const webhookEnv = commonEnv
  .extend({
    PRESENCE_WEBHOOK_SECRETS: z.string().optional(),
    PRESENCE_WEBHOOK_SECRET_ARN: z.string().optional(),
    /**
     * How far an event's `occurredAt` may lie ahead of our clock; `off` takes any (the local
     * system sets it, so that a school year can be simulated ahead of today).
     */
    OCCURRED_AT_SKEW_SECONDS: z.union([z.literal('off'), z.coerce.number().nonnegative()]).default(300),
    /**
     * The EventBridge bus `staff.changed` goes to (AWS), where a rule runs provisioning; absent:
     * the process's in-process bus, on which the local system subscribes the same handler.
     */
    EVENT_BUS_NAME: z.string().optional(),
  })
  .refine((env) => Boolean(env.PRESENCE_WEBHOOK_SECRETS || env.PRESENCE_WEBHOOK_SECRET_ARN), {
    message: 'set PRESENCE_WEBHOOK_SECRETS (local) or PRESENCE_WEBHOOK_SECRET_ARN (AWS)',
  });
export type WebhookEnv = z.infer<typeof webhookEnv>;

export interface WebhookDeps {
  ingest: IngestDeps;
  /** The webhook secrets (`whsec_...`); more than one during a rotation. */
  secrets: readonly string[];
  /** How far an event's `occurredAt` may lie ahead of the clock (null: any). */
  occurredAtSkewMs: number | null;
}

/** What a test replaces; everything else comes from the configuration. */
export interface WebhookOverrides {
  /** A test's table, or a document client that fails on purpose. */
  store?: Store;
  /** A test's clock: what "now" and "today" are to ingestion and its refusals. */
  now?: () => Date;
  /** A test's bus (the in-process one records what was published). */
  bus?: EventBus;
}

/**
 * The webhook's dependencies: the ingestion use case's (table, retention, clock) and the
 * secrets the signatures are checked against (read once from Secrets Manager in AWS).
 */
export async function createWebhookDeps(
  env: WebhookEnv,
  overrides: WebhookOverrides = {},
): Promise<WebhookDeps> {
  const store = overrides.store ?? { doc: documentClient(), tableName: env.TABLE_NAME };
  return {
    ingest: {
      store,
      bus: overrides.bus ?? eventBusFor(env.EVENT_BUS_NAME),
      retentionYears: env.RETENTION_YEARS,
      now: overrides.now ?? (() => new Date()),
    },
    secrets: await loadWebhookSecrets(env),
    occurredAtSkewMs: env.OCCURRED_AT_SKEW_SECONDS === 'off' ? null : env.OCCURRED_AT_SKEW_SECONDS * 1000,
  };
}
