import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { getItem } from './dynamo';
import { conditionMustHold } from './errors';
import { settingKey } from './keys';

/** A setting the administrator edits: the school calendar (AP 61) or the norm profiles (AP 62). */
export type SettingName = 'calendar' | 'norm-profiles';

export interface StoredSetting<T> {
  /** 1 for the first edit; each save adds one (a save from an older version is refused). */
  version: number;
  data: T;
  updatedAt: string;
  updatedBy: string;
}

/** The stored edit, or null while the bundled data is in force. */
export async function getSetting<T>(store: Store, name: SettingName): Promise<StoredSetting<T> | null> {
  const item = await getItem(store, settingKey(name));
  if (!item) return null;
  const { version, data, updatedAt, updatedBy } = item as unknown as StoredSetting<T>;
  return { version, data, updatedAt, updatedBy };
}

/**
 * Stores `setting` if the stored version is still `setting.version - 1` (none for version 1):
 * two administrators saving from the same version cannot overwrite each other unseen
 * (ConcurrentModification). One write, so `commitWith` puts it in its audit entry's transaction.
 */
export async function putSetting<T>(
  store: Store,
  name: SettingName,
  setting: StoredSetting<T>,
): Promise<void> {
  const first = setting.version === 1;
  await conditionMustHold(
    store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...settingKey(name), type: 'setting', ...setting },
        ConditionExpression: first ? 'attribute_not_exists(pk)' : '#v = :previous',
        ...(first
          ? {}
          : {
              ExpressionAttributeNames: { '#v': 'version' },
              ExpressionAttributeValues: { ':previous': setting.version - 1 },
            }),
      }),
    ),
    `setting ${name}`,
  );
}
