import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SignInBoundElsewhere, StaffBoundElsewhere } from '../domain/staff-sign-in';
import type { Store } from './client';
import { getItem } from './dynamo';
import { conditionHeld, isConditionFailed } from './errors';
import * as keys from './keys';

/** AP 41: the staff id a sign-in identity is bound to, if any (read consistently: it decides access). */
export async function getBoundStaffId(store: Store, identity: string): Promise<string | undefined> {
  const item = await getItem(store, keys.signInKey(identity));
  return typeof item?.staffId === 'string' ? item.staffId : undefined;
}

/**
 * Binds a sign-in identity to a staff member, once. Two items, each written on the condition
 * that it is new or already says the same (so a repeat after a crash between them completes
 * the binding): the staff member's side first, so one staff member never gets two identities,
 * and given back when the identity turns out to be bound to someone else already.
 */
export async function bindSignIn(store: Store, identity: string, staffId: string): Promise<void> {
  const staffSide = { ...keys.staffSignInKey(staffId), type: 'staff-sign-in', signIn: identity, staffId };
  if (!(await putIfNewOrSame(store, staffSide, 'signIn'))) throw new StaffBoundElsewhere(staffId);
  const signInSide = { ...keys.signInKey(identity), type: 'sign-in', signIn: identity, staffId };
  if (await putIfNewOrSame(store, signInSide, 'staffId')) return;
  // The identity is someone else's: give the staff member's side back, so they can still sign in.
  await conditionHeld(
    store.doc.send(
      new DeleteCommand({
        TableName: store.tableName,
        Key: keys.staffSignInKey(staffId),
        ConditionExpression: 'signIn = :signIn',
        ExpressionAttributeValues: { ':signIn': identity },
      }),
    ),
  );
  throw new SignInBoundElsewhere(staffId);
}

/** Puts the item if it is new or already holds the same `field`; false when it holds another. */
function putIfNewOrSame(store: Store, item: Record<string, string>, field: 'signIn' | 'staffId') {
  return conditionHeld(
    store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: item,
        ConditionExpression: `attribute_not_exists(pk) OR ${field} = :value`,
        ExpressionAttributeValues: { ':value': item[field] },
      }),
    ),
  );
}

/**
 * Removes a staff member's sign-in binding (AP 41/42), both sides: a disabled staff member's
 * identity no longer finds them. Their next sign-in, if ever enabled again, binds afresh.
 */
export async function unbindStaff(store: Store, staffId: string): Promise<void> {
  const item = await getItem(store, keys.staffSignInKey(staffId));
  const identity = typeof item?.signIn === 'string' ? item.signIn : undefined;
  if (identity) {
    await store.doc
      .send(
        new DeleteCommand({
          TableName: store.tableName,
          Key: keys.signInKey(identity),
          ConditionExpression: 'attribute_not_exists(pk) OR staffId = :staffId',
          ExpressionAttributeValues: { ':staffId': staffId },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailed(error)) throw error;
      });
  }
  await store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: keys.staffSignInKey(staffId) }));
}
