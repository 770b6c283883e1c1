import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { LuxuryHint } from '../../shared/policy';
import type { Store } from './client';
import { putItem, queryAll } from './dynamo';
import { HIGH, luxuryHintKey, luxuryHintsPk } from './keys';

/** A hint as the worklist shows it: the student and the absence next to a holiday. */
export interface StoredLuxuryHint extends LuxuryHint {
  studentId: string;
  studentName: string;
  teamId: string;
  coachId: string;
}

/** A hint helps for weeks, not years: it expires well before any data about the student. */
export const HINT_DAYS = 120;
const expiryOf = (date: string): number =>
  Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000) + HINT_DAYS * 86_400;

export async function putLuxuryHint(store: Store, hint: StoredLuxuryHint): Promise<void> {
  await putItem(store, {
    ...luxuryHintKey(hint.date, hint.studentId),
    type: 'luxury-hint',
    ...hint,
    expiresAt: expiryOf(hint.date),
  });
}

/** The day was corrected (leave registered, presence after all): no hint any more. */
export async function deleteLuxuryHint(store: Store, date: string, studentId: string): Promise<void> {
  await store.doc.send(
    new DeleteCommand({ TableName: store.tableName, Key: luxuryHintKey(date, studentId) }),
  );
}

export async function listLuxuryHints(store: Store, from: string, to: string): Promise<StoredLuxuryHint[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': luxuryHintsPk(), ':from': from, ':to': `${to}${HIGH}` },
  });
  return items.map((item) => ({
    studentId: String(item.studentId),
    studentName: String(item.studentName),
    teamId: String(item.teamId),
    coachId: String(item.coachId),
    date: String(item.date),
    holiday: String(item.holiday),
    side: item.side === 'after' ? 'after' : 'before',
    unauthorizedMinutes: Number(item.unauthorizedMinutes),
  }));
}
