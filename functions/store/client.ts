import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * What every repository needs: the document client and the table. Passed explicitly so that
 * tests can wrap `send` (fault injection) and point at their own table.
 */
export interface Store {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * The endpoint comes from `AWS_ENDPOINT_URL_DYNAMODB` (read by the SDK itself), so the same
 * code talks to dynalite locally and to DynamoDB in AWS.
 */
export function createDocumentClient(): DynamoDBDocumentClient {
  const client = new DynamoDBClient({ region: process.env.AWS_REGION ?? 'eu-west-1', maxAttempts: 3 });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

let shared: DynamoDBDocumentClient | undefined;

/** The document client of this process, built once (lazily, so tests can set the endpoint first). */
export function documentClient(): DynamoDBDocumentClient {
  shared ??= createDocumentClient();
  return shared;
}
