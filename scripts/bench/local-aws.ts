import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { createDocumentClient, type Store } from '../../functions/store/client';
import { ensureTable } from '../../functions/store/table-definition';
import { startDynalite } from '../local/dynalite';
import { startSes } from '../local/ses';

/** The AWS a bench runs against, in this process: dynalite with the app's table, and aws-ses-v2-local. */
export interface LocalAws {
  /** The app's document client (built as the functions build it) and the bench's table. */
  store: Store;
  /** A plain client on the same dynalite, for what the document client does not do (a raw scan). */
  raw: DynamoDBClient;
  ses: SESv2Client;
  dynamoEndpoint: string;
  sesEndpoint: string;
  /** Destroys the clients and stops both servers. */
  stop(): Promise<void>;
}

const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Starts dynalite and aws-ses-v2-local on free ports and creates `tableName` as the stack does.
 * The DynamoDB endpoint is set in the environment (`AWS_ENDPOINT_URL_DYNAMODB`), the way the
 * functions find it, so a client the code under measurement builds itself talks to it as well.
 */
export async function startLocalAws(tableName: string): Promise<LocalAws> {
  const dynalite = await startDynalite({ port: 0 });
  const ses = await startSes({ port: 0 });
  process.env.AWS_ENDPOINT_URL_DYNAMODB = dynalite.endpoint;
  process.env.AWS_REGION ??= 'eu-west-1';
  process.env.AWS_ACCESS_KEY_ID ??= CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY ??= CREDENTIALS.secretAccessKey;
  const doc = createDocumentClient();
  const raw = new DynamoDBClient({
    endpoint: dynalite.endpoint,
    region: 'eu-west-1',
    credentials: CREDENTIALS,
  });
  const sesClient = new SESv2Client({
    endpoint: ses.endpoint,
    region: 'eu-west-1',
    credentials: CREDENTIALS,
  });
  const stop = async () => {
    raw.destroy();
    sesClient.destroy();
    doc.destroy();
    await ses.stop();
    await dynalite.stop();
  };
  try {
    await ensureTable(doc, tableName);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    store: { doc, tableName },
    raw,
    ses: sesClient,
    dynamoEndpoint: dynalite.endpoint,
    sesEndpoint: ses.endpoint,
    stop,
  };
}
