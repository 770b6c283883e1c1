import type { Expiring } from '../domain/expiring';
import type { Letter } from '../domain/letter';
import type { Store } from './client';
import { byPartition, getItem, type Item, queryAll } from './dynamo';
import { letterKey, lettersGsi1, lettersPk, studentLettersGsi2, studentLettersPk } from './keys';
import type { TransactItem } from './transact';

/** The put of a new letter, for the transaction of the step that made it (written once: a retry leaves the first). */
export function letterItem(store: Store, letter: Expiring<Letter>): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: {
        ...letterKey(letter.letterId),
        ...lettersGsi1(letter.createdOn, letter.letterId),
        ...studentLettersGsi2(letter.studentId, letter.createdOn, letter.letterId),
        type: 'letter',
        ...letter,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function letterOf(raw: Item): Letter {
  const { letterId, kind, taskId, studentId, studentName, createdOn, by, subject, html } =
    raw as unknown as Letter;
  return { letterId, kind, taskId, studentId, studentName, createdOn, by, subject, html };
}

/** AP 44. */
export async function getLetter(store: Store, letterId: string): Promise<Letter | undefined> {
  const item = await getItem(store, letterKey(letterId), { consistent: false });
  return item ? letterOf(item) : undefined;
}

/** AP 45: every letter made from `from` to `to` (inclusive), oldest first. */
export async function listLetters(store: Store, from: string, to: string): Promise<Letter[]> {
  const items = await queryAll(store, byPartition('gsi1', lettersPk(), { from, to: `${to}~` }));
  return items.map(letterOf);
}

/** AP 46: a student's letters, oldest first. */
export async function listStudentLetters(store: Store, studentId: string): Promise<Letter[]> {
  return (await queryAll(store, byPartition('gsi2', studentLettersPk(studentId)))).map(letterOf);
}
