import type { Letter as ApiLetter, LetterRef } from '../../../shared/api/tasks';
import type { Letter } from '../../domain/letter';
import type { Task } from '../../domain/task';
import type { Store } from '../../store/client';
import {
  getLetter as getStoredLetter,
  listLetters,
  listStudentLetters,
} from '../../store/letters-repository';
import { studentRefs } from './refs';

/** The letters cases made, archived for the auditor ("gearchiveerd t.b.v. de accountantscontrole"). */

const refOf = (letter: Letter, student: LetterRef['student']): LetterRef => ({
  letterId: letter.letterId,
  kind: letter.kind,
  createdOn: letter.createdOn,
  taskId: letter.taskId,
  student,
  subject: letter.subject,
});

/** Every letter made from `from` to `to`, oldest first, naming its student and task. */
export async function letterList(store: Store, from: string, to: string): Promise<LetterRef[]> {
  const letters = await listLetters(store, from, to);
  const ref = await studentRefs(
    store,
    letters.map((l) => l.studentId),
  );
  return letters.map((l) => refOf(l, ref(l.studentId)));
}

export async function getLetter(store: Store, letterId: string): Promise<ApiLetter | null> {
  const letter = await getStoredLetter(store, letterId);
  if (!letter) return null;
  const ref = await studentRefs(store, [letter.studentId]);
  return { ...refOf(letter, ref(letter.studentId)), html: letter.html };
}

/** A task's letters, for its screen. */
export async function lettersOfTask(store: Store, task: Task): Promise<LetterRef[]> {
  if (!task.studentId) return [];
  const letters = (await listStudentLetters(store, task.studentId)).filter((l) => l.taskId === task.taskId);
  const ref = await studentRefs(store, [task.studentId]);
  return letters.map((l) => refOf(l, ref(l.studentId)));
}
