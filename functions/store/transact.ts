import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';

/** One item of a TransactWriteItems request, as the document client takes it. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Runs `write`, a repository call that makes one write (a conditional put, update or delete), as
 * one transaction with `effects` (audit entries, outbox events): the change and what it implies
 * are stored together or not at all. The repository is unchanged: the store it is given turns its
 * write into the transaction, and a cancelled transaction into the ConditionalCheckFailedException
 * the repository already names (ConcurrentModification, or `false` for "created before").
 * Resolves to the repository's answer and whether the transaction was written.
 */
export async function writeWith<T>(
  store: Store,
  effects: readonly TransactItem[],
  write: (store: Store) => Promise<T>,
): Promise<{ result: T; committed: boolean }> {
  if (effects.length === 0) return { result: await write(store), committed: true };
  let committed = false;
  let sent = false;
  const doc = Object.create(store.doc) as DynamoDBDocumentClient;
  doc.send = (async (command: unknown, ...rest: unknown[]) => {
    const change = asTransactItem(command);
    if (!change || sent)
      return (store.doc.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
    sent = true;
    let items = [change, ...effects];
    for (;;) {
      try {
        await store.doc.send(new TransactWriteCommand({ TransactItems: items }));
        break;
      } catch (error) {
        // An effect written before (an event is stored once per id) does not stop its change.
        const stored = effectsStoredBefore(error);
        if (!stored || stored.length === 0) throw cancelledAsConditionFailed(error);
        items = items.filter((_, i) => !stored.includes(i));
      }
    }
    committed = true;
    return {};
  }) as DynamoDBDocumentClient['send'];
  const result = await write({ ...store, doc });
  return { result, committed };
}

function asTransactItem(command: unknown): TransactItem | undefined {
  if (command instanceof PutCommand) return { Put: command.input } as TransactItem;
  if (command instanceof UpdateCommand) return { Update: command.input } as TransactItem;
  if (command instanceof DeleteCommand) return { Delete: command.input } as TransactItem;
  return undefined;
}

/** The effects (not the change, item 0) whose own condition cancelled the transaction, if only those. */
function effectsStoredBefore(error: unknown): number[] | undefined {
  const reasons = (error as { name?: string; CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  if ((error as { name?: string }).name !== 'TransactionCanceledException' || !reasons) return undefined;
  const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
  return failed.includes(0) ? undefined : failed;
}

/** A transaction cancelled on a condition is, for the repository, its own condition failing. */
function cancelledAsConditionFailed(error: unknown): unknown {
  const e = error as { name?: string; CancellationReasons?: { Code?: string }[] };
  if (e?.name !== 'TransactionCanceledException') return error;
  if (!e.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) return error;
  return Object.assign(new Error('The conditional request failed (transaction cancelled)'), {
    name: 'ConditionalCheckFailedException',
  });
}
