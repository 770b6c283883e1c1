import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { itemSize } from './item-size';

/**
 * Measures what DynamoDB bills: read and write capacity units, not requests. Every command sent
 * through the wrapped client asks for `ReturnConsumedCapacity: 'TOTAL'` (dynalite answers it as
 * DynamoDB does: 4 KB per read unit, half for an eventually consistent read, 1 KB per write unit)
 * and the units are summed, in total and by a label the caller picks (e.g. the student a read
 * is about).
 */
export interface CapacityMeter {
  readUnits: number;
  writeUnits: number;
  requests: number;
  /** Read units per label (`labelOf` of the command). */
  readsBy: Map<string, number>;
  reset(): void;
  /** Stops measuring: the client sends as before. */
  detach(): void;
}

interface Consumed {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

type AnyCommand = { constructor: { name: string }; input: Record<string, unknown> };

const READS = new Set(['GetCommand', 'QueryCommand', 'BatchGetCommand', 'ScanCommand', 'TransactGetCommand']);
const WRITES = new Set([
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
  'BatchWriteCommand',
  'TransactWriteCommand',
]);

/** The units of a conditional write that failed: a put's item size in KB, otherwise 1. */
function failedWriteUnits(c: AnyCommand): number {
  const item = c.constructor.name === 'PutCommand' ? (c.input.Item as Record<string, unknown>) : undefined;
  return item ? Math.max(1, Math.ceil(itemSize(marshall(item, { removeUndefinedValues: true })) / 1024)) : 1;
}

export function meterCapacity(
  doc: DynamoDBDocumentClient,
  labelOf: (command: AnyCommand) => string | undefined = () => undefined,
): CapacityMeter {
  const original = doc.send.bind(doc) as (command: unknown) => Promise<unknown>;
  const meter: CapacityMeter = {
    readUnits: 0,
    writeUnits: 0,
    requests: 0,
    readsBy: new Map(),
    reset() {
      meter.readUnits = 0;
      meter.writeUnits = 0;
      meter.requests = 0;
      meter.readsBy.clear();
    },
    detach() {
      (doc as unknown as { send: typeof original }).send = original;
    },
  };
  (doc as unknown as { send: typeof original }).send = async (command: unknown) => {
    const c = command as AnyCommand;
    const name = c.constructor.name;
    const isRead = READS.has(name);
    if (!isRead && !WRITES.has(name)) return original(command);
    c.input.ReturnConsumedCapacity = 'TOTAL';
    meter.requests++;
    const out = (await original(command).catch((e: Error) => {
      // DynamoDB bills a write whose condition failed as if it had written (the item's size, at
      // least 1 unit); dynalite answers it with an error that carries no units.
      if (!isRead && e.name === 'ConditionalCheckFailedException') meter.writeUnits += failedWriteUnits(c);
      throw e;
    })) as { ConsumedCapacity?: Consumed | Consumed[] };
    const consumed = [out.ConsumedCapacity ?? []].flat();
    let units = 0;
    for (const one of consumed)
      units += one.CapacityUnits ?? (one.ReadCapacityUnits ?? 0) + (one.WriteCapacityUnits ?? 0);
    if (isRead) {
      meter.readUnits += units;
      const label = labelOf(c);
      if (label !== undefined) meter.readsBy.set(label, (meter.readsBy.get(label) ?? 0) + units);
    } else meter.writeUnits += units;
    return out;
  };
  return meter;
}
