import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * dynalite has no TransactWriteItems. Locally (dev server and tests) this adds it in front of
 * dynalite, so that the handlers run the same code as in AWS: the items of one transaction are
 * applied one by one with their own conditions, under a lock shared by all transactions, and when
 * one condition fails the ones already applied are put back as they were and the answer is
 * DynamoDB's TransactionCanceledException with a reason per item. Plain writes do not take the
 * lock; a local run has one writer at a time where it matters (the ingestion lease), and no test
 * relies on a plain write racing a transaction. Supports Put, Update and Delete (not ConditionCheck).
 */

type Json = Record<string, unknown>;
type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

interface TransactItem {
  Put?: Json & { TableName: string; Item: Json };
  Update?: Json & { TableName: string; Key: Json };
  Delete?: Json & { TableName: string; Key: Json };
  ConditionCheck?: Json;
}

const TARGET = 'DynamoDB_20120810.TransactWriteItems';

export function withTransactions(
  server: {
    listeners(event: 'request'): unknown[];
    removeAllListeners(event: 'request'): void;
    on(event: 'request', l: RequestListener): void;
  },
  endpoint: () => string,
): void {
  const dynalite = server.listeners('request')[0] as RequestListener;
  server.removeAllListeners('request');
  let lock: Promise<unknown> = Promise.resolve();
  server.on('request', (req, res) => {
    if (req.headers['x-amz-target'] !== TARGET) return dynalite(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { TransactItems: TransactItem[] };
      const run = lock.then(() => transact(endpoint(), req.headers, body.TransactItems));
      lock = run.catch(() => {});
      run.then(
        (answer) => reply(res, answer.status, answer.body),
        (error: unknown) => reply(res, 500, { __type: 'InternalFailure', message: String(error) }),
      );
    });
  });
}

function reply(res: ServerResponse, status: number, body: Json): void {
  res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.0' });
  res.end(JSON.stringify(body));
}

async function call(endpoint: string, headers: IncomingMessage['headers'], action: string, input: Json) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': `DynamoDB_20120810.${action}`,
      // dynalite checks that a request is signed, not the signature.
      Authorization: String(headers.authorization ?? ''),
      'X-Amz-Date': String(headers['x-amz-date'] ?? ''),
    },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

async function keyOf(endpoint: string, headers: IncomingMessage['headers'], table: string, item: Json) {
  const described = await call(endpoint, headers, 'DescribeTable', { TableName: table });
  const schema = (described.body.Table as { KeySchema: { AttributeName: string }[] }).KeySchema;
  return Object.fromEntries(schema.map((k) => [k.AttributeName, item[k.AttributeName]]));
}

type Headers = IncomingMessage['headers'];
type Applied = { table: string; key: Json; before: Json | undefined };

/** The single-item action and input of one transaction item; undefined for ConditionCheck. */
function operationOf(
  item: TransactItem,
): { action: string; input: Json & { TableName: string } } | undefined {
  if (item.Put) return { action: 'PutItem', input: item.Put };
  if (item.Update) return { action: 'UpdateItem', input: item.Update };
  if (item.Delete) return { action: 'DeleteItem', input: item.Delete };
  return undefined;
}

/** Puts back what the applied items changed, last first. */
async function undo(endpoint: string, headers: Headers, applied: Applied[]): Promise<void> {
  for (const done of [...applied].reverse()) {
    const input = done.before
      ? { TableName: done.table, Item: done.before }
      : { TableName: done.table, Key: done.key };
    await call(endpoint, headers, done.before ? 'PutItem' : 'DeleteItem', input);
  }
}

function cancelled(items: readonly TransactItem[], failedAt: number) {
  return {
    status: 400,
    body: {
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
      message: 'Transaction cancelled, please refer cancellation reasons for specific reasons',
      CancellationReasons: items.map((_, i) =>
        i === failedAt
          ? { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }
          : { Code: 'None' },
      ),
    },
  };
}

async function transact(endpoint: string, headers: Headers, items: TransactItem[]) {
  const applied: Applied[] = [];
  for (const [index, item] of items.entries()) {
    const op = operationOf(item);
    if (!op)
      return {
        status: 400,
        body: { __type: 'ValidationException', message: 'ConditionCheck is not emulated' },
      };
    const key =
      (op.input.Key as Json | undefined) ??
      (await keyOf(endpoint, headers, op.input.TableName, op.input.Item as Json));
    const before = await call(endpoint, headers, 'GetItem', {
      TableName: op.input.TableName,
      Key: key,
      ConsistentRead: true,
    });
    const result = await call(endpoint, headers, op.action, op.input);
    if (result.status === 200) {
      applied.push({ table: op.input.TableName, key, before: before.body.Item as Json | undefined });
      continue;
    }
    await undo(endpoint, headers, applied);
    const conditionFailed = String(result.body.__type ?? '').endsWith('ConditionalCheckFailedException');
    return conditionFailed ? cancelled(items, index) : result;
  }
  return { status: 200, body: {} };
}
