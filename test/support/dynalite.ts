import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, type Store } from '../../functions/store/client';
import { ensureTable } from '../../functions/store/table-definition';
import { startDynalite } from '../../scripts/local/dynalite';

export interface TestTable extends Store {
  endpoint: string;
  doc: DynamoDBDocumentClient;
  tableName: string;
  stop(): Promise<void>;
}

/**
 * Starts an in-memory dynalite on a free port with a fresh table, and points this process's
 * SDK at it (`AWS_ENDPOINT_URL_DYNAMODB`, `TABLE_NAME`, fake credentials). Call in
 * `beforeAll`, and `stop()` in `afterAll`.
 */
export async function startTestTable(): Promise<TestTable> {
  const dynalite = await startDynalite({ port: 0 });
  const tableName = `presentie-test-${randomUUID().slice(0, 8)}`;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = dynalite.endpoint;
  process.env.AWS_REGION ??= 'eu-west-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.TABLE_NAME = tableName;
  const doc = createDocumentClient();
  await ensureTable(doc, tableName);
  return {
    endpoint: dynalite.endpoint,
    doc,
    tableName,
    stop: async () => {
      doc.destroy();
      await dynalite.stop();
    },
  };
}
