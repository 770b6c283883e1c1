import { PutCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Expiring } from '../domain/expiring';
import type { Store } from './client';
import { getItem, type Item, queryAll } from './dynamo';
import { conditionHeld, conditionMustHold } from './errors';
import type { PrimaryKey } from './keys';
import type { TransactItem } from './transact';

/**
 * Reports, tasks and outflow cases are stored whole: one item per record, its keys beside its
 * own fields. Created once, read by key, replaced whole when nobody changed it since it was read.
 */
export interface WholeRecordType<T> {
  /** The item's `type` tag. */
  type: string;
  key: (id: string) => PrimaryKey;
  id: (record: T) => string;
  /** The index keys the record is found by (its access patterns, `keys.ts`). */
  indexKeys: (record: T) => object;
}

type Query = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

export function wholeRecords<T extends { version: number; expiresAt?: number }>(of: WholeRecordType<T>) {
  const item = (record: T): Item => ({
    ...of.key(of.id(record)),
    ...of.indexKeys(record),
    type: of.type,
    ...record,
  });
  return {
    /** Creates the record once: false if one with its id exists (the earlier write stands). */
    create: (store: Store, record: Expiring<T>): Promise<boolean> =>
      conditionHeld(
        store.doc.send(
          new PutCommand({
            TableName: store.tableName,
            Item: item(record),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      ),

    /** The same creation as an item of the transaction of another change (`commitWith`'s `items`). */
    createItem: (store: Store, record: Expiring<T>): TransactItem => ({
      Put: {
        TableName: store.tableName,
        Item: item(record),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }),

    get: async (store: Store, id: string): Promise<T | undefined> => {
      const item = await getItem(store, of.key(id), { consistent: false });
      return item ? recordOf<T>(item) : undefined;
    },

    /**
     * Replaces the record if nobody changed it since `previousVersion` was read. The record keeps
     * the `expiresAt` it was read with, so the write is also conditional on that: a student who
     * left meanwhile (`rewriteStudentExpiry`) counts as a concurrent change instead of being
     * undone. A failed condition is `ConcurrentModification` about the record's id.
     */
    save: (store: Store, record: T, previousVersion: number): Promise<void> =>
      conditionMustHold(
        store.doc.send(
          new PutCommand({
            TableName: store.tableName,
            Item: item(record),
            ...unchangedSince(previousVersion, record.expiresAt),
          }),
        ),
        of.id(record),
      ),

    /** Every record a query finds. */
    query: async (store: Store, input: Query): Promise<T[]> =>
      (await queryAll(store, input)).map(recordOf<T>),
  };
}

/** The record in an item: its own fields, without the table's keys and the type tag. */
export function recordOf<T>(raw: Item): T {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, ...record } = raw;
  return record as unknown as T;
}

/** The write condition of a whole-record save: same version, same `expiresAt` as when read. */
function unchangedSince(version: number, expiresAt: number | undefined) {
  return expiresAt === undefined
    ? {
        ConditionExpression: 'version = :v AND attribute_not_exists(expiresAt)',
        ExpressionAttributeValues: { ':v': version },
      }
    : {
        ConditionExpression: 'version = :v AND expiresAt = :x',
        ExpressionAttributeValues: { ':v': version, ':x': expiresAt },
      };
}
