import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { parseEnv } from '../../../functions/config';
import type { Store } from '../../../functions/store/client';
import { createWebhookDeps, webhookEnv } from '../../../functions/wiring/webhook';
import { startTestTable, type TestTable } from '../../support/dynalite';
import { provisioningBus } from '../../support/provisioning-bus';
import {
  HARNESS_NOW,
  lambdaContext,
  newSecret,
  reply,
  type SignOptions,
  signedDelivery,
  type WebhookReply,
} from '../../support/webhook';

/** Keeps the handler's Powertools output off the test report. */
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

export interface Harness {
  table: TestTable;
  secret: string;
  /** Invokes the real handler with a raw API Gateway event. */
  invoke(event: APIGatewayProxyEventV2): Promise<WebhookReply>;
  /** Signs and sends a payload as the presence system would. */
  send(
    payload: unknown,
    options?: Partial<SignOptions> & { base64?: boolean; contentType?: string },
  ): Promise<WebhookReply>;
  /** Every item in the table (tests use small tables). */
  scan(): Promise<Array<Record<string, unknown>>>;
  stop(): Promise<void>;
}

/**
 * Starts dynalite with a fresh table and builds the webhook handler around it. `wrap` lets
 * a test replace the document client (fault injection).
 */
export async function startHarness(
  options: {
    wrap?: (doc: DynamoDBDocumentClient) => DynamoDBDocumentClient;
    secrets?: string[];
    /** The handler's clock (HARNESS_NOW by default). */
    now?: () => Date;
  } = {},
): Promise<Harness> {
  const table = await startTestTable();
  const secret = options.secrets?.[0] ?? newSecret();
  const { createWebhookHandler } = await import('../../../functions/handlers/webhook-handler');
  const store: Store = {
    doc: options.wrap ? options.wrap(table.doc) : table.doc,
    tableName: table.tableName,
  };
  const env = parseEnv(webhookEnv, {
    TABLE_NAME: table.tableName,
    PRESENCE_WEBHOOK_SECRETS: (options.secrets ?? [secret]).join(' '),
  });
  const handler = createWebhookHandler(async () =>
    createWebhookDeps(env, {
      store,
      // The webhook publishes `staff.changed`; provisioning is subscribed as in the local system.
      bus: await provisioningBus(store),
      now: options.now ?? (() => HARNESS_NOW),
    }),
  );
  const invoke = async (event: APIGatewayProxyEventV2) => {
    const result = await handler(event, lambdaContext());
    return reply(result);
  };
  return {
    table,
    secret,
    invoke,
    send: (payload, signOptions = {}) => invoke(signedDelivery(payload, { secret, ...signOptions })),
    scan: async () => {
      const items: Array<Record<string, unknown>> = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await table.doc.send(
          new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: start }),
        );
        items.push(...((out.Items ?? []) as Array<Record<string, unknown>>));
        start = out.LastEvaluatedKey;
      } while (start);
      return items;
    },
    stop: () => table.stop(),
  };
}
