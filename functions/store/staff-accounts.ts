import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentModification } from '../domain/errors';
import type { StaffAccount } from '../domain/staff-account';
import type { Store } from './client';
import { getItem } from './dynamo';
import { isConditionFailed } from './errors';
import * as keys from './keys';

export interface StoredAccount extends StaffAccount {
  version: number;
}

/** AP 51: the account provisioned for a staff member (read consistently: it decides access). */
export async function getStaffAccount(store: Store, staffId: string): Promise<StoredAccount | undefined> {
  const item = await getItem(store, keys.staffAccountKey(staffId));
  if (!item) return undefined;
  return {
    staffId: String(item.staffId),
    email: String(item.email),
    name: String(item.name),
    groups: Array.isArray(item.groups) ? item.groups.map(String) : [],
    enabled: item.enabled === true,
    version: Number(item.version),
  };
}

/** Writes the account over the version read (0: none yet); a lost race is ConcurrentModification. */
export async function putStaffAccount(
  store: Store,
  account: StaffAccount,
  readVersion: number,
): Promise<void> {
  try {
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          ...keys.staffAccountKey(account.staffId),
          type: 'staff-account',
          ...account,
          version: readVersion + 1,
        },
        ConditionExpression: readVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
        ...(readVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': readVersion } }),
      }),
    );
  } catch (error) {
    if (isConditionFailed(error)) throw new ConcurrentModification(`account of staff ${account.staffId}`);
    throw error;
  }
}
