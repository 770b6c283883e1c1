import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { TABLE } from '../../functions/store/table-definition';
import { itemSize } from './item-size';

/**
 * Write units DynamoDB bills for the global secondary indexes, which dynalite does not report
 * (it answers the table's units only). Both indexes project ALL attributes, so every successful
 * write of an item that carries an index's keys, before or after, writes that index: one put of
 * the new item's size when the index key stays, a delete of the old and a put of the new when it
 * changes (as DynamoDB bills it, 1 KB per unit). The item before and after each write is read
 * with the client's own, unmetered `send`, so the table's metered units are not disturbed.
 *
 * Install it BEFORE meterCapacity, so that the capacity meter wraps it and these reads stay out
 * of the measured read units.
 */
export interface IndexWriteMeter {
  writeUnits: number;
  reset(): void;
  detach(): void;
}

type Doc = Record<string, unknown>;
/** `next`: the new item, 'read' after the write, or absent (deleted). */
type Key = { tableName: string; key: Doc; next?: Doc | 'read' };
type AnyCommand = { constructor: { name: string }; input: Record<string, unknown> };

const INDEXES = [TABLE.gsi1, TABLE.gsi2];
const units = (item: Doc | undefined) =>
  item ? Math.max(1, Math.ceil(itemSize(marshall(item, { removeUndefinedValues: true })) / 1024)) : 0;
const keyOf = (item: Doc): Doc => ({ [TABLE.pk]: item[TABLE.pk], [TABLE.sk]: item[TABLE.sk] });

/** Index write units of one item write, from the item before and after it. */
export function indexWriteUnits(before: Doc | undefined, after: Doc | undefined): number {
  let total = 0;
  for (const index of INDEXES) {
    const keyBefore = before?.[index.pk] !== undefined && before?.[index.sk] !== undefined;
    const keyAfter = after?.[index.pk] !== undefined && after?.[index.sk] !== undefined;
    const same =
      keyBefore &&
      keyAfter &&
      before?.[index.pk] === after?.[index.pk] &&
      before?.[index.sk] === after?.[index.sk];
    if (same) total += units(after);
    else {
      if (keyBefore) total += units(before);
      if (keyAfter) total += units(after);
    }
  }
  return total;
}

/** The items a write command touches: their keys, and the new item where the command carries it. */
function touched(c: AnyCommand): Key[] {
  const input = c.input as Doc & { TableName?: string };
  switch (c.constructor.name) {
    case 'PutCommand':
      return [{ tableName: String(input.TableName), key: keyOf(input.Item as Doc), next: input.Item as Doc }];
    case 'UpdateCommand':
      return [{ tableName: String(input.TableName), key: input.Key as Doc, next: 'read' }];
    case 'DeleteCommand':
      return [{ tableName: String(input.TableName), key: input.Key as Doc }];
    case 'BatchWriteCommand':
      return Object.entries(input.RequestItems as Record<string, Doc[]>).flatMap(([tableName, requests]) =>
        requests.map((r) => {
          const put = r.PutRequest as { Item: Doc } | undefined;
          const del = r.DeleteRequest as { Key: Doc } | undefined;
          return put
            ? { tableName, key: keyOf(put.Item), next: put.Item }
            : { tableName, key: (del as { Key: Doc }).Key };
        }),
      );
    case 'TransactWriteCommand':
      return (input.TransactItems as Doc[]).flatMap((t) => {
        const put = t.Put as { TableName: string; Item: Doc } | undefined;
        const update = t.Update as { TableName: string; Key: Doc } | undefined;
        const del = t.Delete as { TableName: string; Key: Doc } | undefined;
        if (put) return [{ tableName: put.TableName, key: keyOf(put.Item), next: put.Item }];
        if (update) return [{ tableName: update.TableName, key: update.Key, next: 'read' as const }];
        if (del) return [{ tableName: del.TableName, key: del.Key }];
        return [];
      });
    default:
      return [];
  }
}

export function meterIndexWrites(doc: DynamoDBDocumentClient): IndexWriteMeter {
  const original = doc.send.bind(doc) as (command: unknown) => Promise<unknown>;
  const read = async ({ tableName, key }: Key) =>
    (
      (await original(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))) as {
        Item?: Doc;
      }
    ).Item;
  const meter: IndexWriteMeter = {
    writeUnits: 0,
    reset() {
      meter.writeUnits = 0;
    },
    detach() {
      (doc as unknown as { send: typeof original }).send = original;
    },
  };
  (doc as unknown as { send: typeof original }).send = async (command: unknown) => {
    const items = touched(command as AnyCommand);
    if (items.length === 0) return original(command);
    // A put's item before it is not read (it would double the bench's requests): a put is billed
    // as one index write per index its new item carries, which misses only a put that moves an
    // item to another index key (a delete there too): rare, and it errs low by one unit.
    const before = await Promise.all(
      items.map((item) => (item.next && item.next !== 'read' ? undefined : read(item))),
    );
    const out = (await original(command)) as { UnprocessedItems?: Record<string, unknown[]> };
    // Unprocessed batch items were not written (the caller sends them again, counted then).
    const unprocessed = new Set(
      Object.values(out.UnprocessedItems ?? {})
        .flat()
        .map((r) => JSON.stringify(r)),
    );
    const requests = Object.values(
      ((command as AnyCommand).input.RequestItems ?? {}) as Record<string, unknown[]>,
    ).flat();
    for (const [i, item] of items.entries()) {
      if (requests[i] !== undefined && unprocessed.has(JSON.stringify(requests[i]))) continue;
      const after = item.next === 'read' ? await read(item) : item.next;
      meter.writeUnits += indexWriteUnits(before[i], after);
    }
    return out;
  };
  return meter;
}
