import type { Store } from '../../store/client';
import { batchGetStudents, type StudentRecord } from '../../store/students';
import type { BatchState } from './context';

/**
 * Students read by earlier deliveries in this process (a warm Lambda), kept while the
 * roster version (store/roster-version.ts, read once per delivery) is unchanged: every change
 * to a student moves it on after it is stored, so a version seen again means no student
 * changed since. It spares each delivery reading the hundreds of students its lessons are
 * about. A student changed between its write and the version's move may be seen as it was a
 * moment before; check-written.ts puts right what a delivery classified meanwhile.
 */

interface Roster {
  version: string;
  students: Map<string, StudentRecord>;
}

/** At most this many students are kept (a large school); beyond it the roster starts over. */
const MAX_STUDENTS = 60_000;

const rosters = new WeakMap<Store['doc'], Map<string, Roster>>();

/** The students known for this table at `version` (empty when the version moved on). */
function cachedStudents(store: Store, version: string): Map<string, StudentRecord> {
  const byTable = rosters.get(store.doc) ?? new Map<string, Roster>();
  rosters.set(store.doc, byTable);
  let roster = byTable.get(store.tableName);
  if (roster?.version !== version || roster.students.size > MAX_STUDENTS) {
    roster = { version, students: new Map() };
    byTable.set(store.tableName, roster);
  }
  return roster.students;
}

/**
 * Puts the students `ids` names into the batch, from what this process keeps where it can,
 * read otherwise. A student the batch already holds (it may have changed them) stays as is.
 */
export async function loadStudents(state: BatchState, ids: Iterable<string>): Promise<void> {
  const { store } = state.deps;
  const roster = cachedStudents(store, state.rosterVersion);
  const wanted = [...new Set(ids)].filter((id) => !state.students.has(id));
  for (const [id, student] of await batchGetStudents(
    store,
    wanted.filter((id) => !roster.has(id)),
  ))
    roster.set(id, student);
  for (const id of wanted) {
    const student = roster.get(id);
    if (student) state.students.set(id, student);
  }
}

/** After a delivery is stored: its students as they are now, at the version it left. */
export function rememberStudents(
  store: Store,
  version: string,
  students: ReadonlyMap<string, StudentRecord>,
): void {
  const known = rosters.get(store.doc)?.get(store.tableName);
  const kept = known ? known.students : new Map<string, StudentRecord>();
  for (const [id, student] of students) kept.set(id, student);
  rosters.get(store.doc)?.set(store.tableName, { version, students: kept });
}
