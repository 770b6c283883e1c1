import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Attribute names of the single table (see docs/data-model.md). */
export const TABLE = {
  pk: 'pk',
  sk: 'sk',
  gsi1: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  gsi2: { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
  ttl: 'expiresAt',
} as const;

/** The CreateTable input; the CDK stack mirrors it (TTL is set there: dynalite has no TTL API). */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: TABLE.pk, AttributeType: 'S' },
      { AttributeName: TABLE.sk, AttributeType: 'S' },
      { AttributeName: TABLE.gsi1.pk, AttributeType: 'S' },
      { AttributeName: TABLE.gsi1.sk, AttributeType: 'S' },
      { AttributeName: TABLE.gsi2.pk, AttributeType: 'S' },
      { AttributeName: TABLE.gsi2.sk, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: TABLE.pk, KeyType: 'HASH' },
      { AttributeName: TABLE.sk, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [TABLE.gsi1, TABLE.gsi2].map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.pk, KeyType: 'HASH' as const },
        { AttributeName: index.sk, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}

/** Creates the table if it does not exist yet and waits until it is ACTIVE. */
export async function ensureTable(
  client: DynamoDBClient | DynamoDBDocumentClient,
  tableName: string,
): Promise<void> {
  // The document client passes plain (non-document) commands through unchanged.
  const raw = client as DynamoDBClient;
  try {
    await raw.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (
      !(error instanceof ResourceNotFoundException) &&
      (error as Error).name !== 'ResourceNotFoundException'
    ) {
      throw error;
    }
    await raw.send(new CreateTableCommand(tableDefinition(tableName)));
  }
  for (let attempt = 0; attempt < 100; attempt++) {
    const { Table } = await raw.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Table ${tableName} did not become ACTIVE`);
}
