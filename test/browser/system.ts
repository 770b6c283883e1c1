import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../../functions/store/client';
import { type LocalSystem, startLocalSystem } from '../../scripts/local/system';
import { seed } from '../integration/api/fixture';

export function amsterdamToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

/** The local system (web/dist, API, nightly) with the small seeded school of the API tests. */
export async function startSeededSystem(): Promise<{
  system: LocalSystem;
  store: Store;
  today: string;
  stop: () => Promise<void>;
}> {
  const system = await startLocalSystem({ port: 0, demo: false });
  const client = new DynamoDBClient({
    endpoint: system.dynamoEndpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const store = { doc, tableName: system.tableName };
  const today = amsterdamToday();
  await seed(store, today);
  return {
    system,
    store,
    today,
    stop: async () => {
      doc.destroy();
      await system.stop();
    },
  };
}
