import { localDate } from '../../../shared/calendar/school-time';
import { closedYears } from '../../domain/archive-years';
import type { Store } from '../../store/client';
import { listOrgUnits } from '../../store/org-units';
import { listStudentsByTeam } from '../../store/students';
import { currentCalendar } from '../admin/school-settings';
import { type ArchiveDeps, type ArchivedYear, archiveStudent } from './archive-student';

/** Students per message to the archive queue: one worker invocation archives them in turn. */
export const ARCHIVE_BATCH = 25;

/**
 * The month's archive run: the students to look at, in batches for the queue. Every student of
 * every team (AP 8, AP 6): which of them still have lessons in a closed year is found by the
 * worker's own range query (AP 1), the planner only fans out. Nothing when no year is closed.
 */
export async function planArchive(
  deps: Pick<ArchiveDeps, 'store' | 'now' | 'calendar'>,
  batchSize = ARCHIVE_BATCH,
): Promise<string[][]> {
  const calendar = deps.calendar ?? (await currentCalendar(deps.store));
  if (closedYears(calendar, localDate(deps.now())).length === 0) return [];
  const ids = await studentIds(deps.store);
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += batchSize) batches.push(ids.slice(i, i + batchSize));
  return batches;
}

async function studentIds(store: Store): Promise<string[]> {
  const teams = (await listOrgUnits(store)).filter((u) => u.kind === 'team');
  const ids = new Set<string>();
  for (const team of teams)
    for (const s of await listStudentsByTeam(store, team.orgUnitId)) ids.add(s.studentId);
  return [...ids].sort();
}

export interface BatchOutcome {
  archived: Array<{ studentId: string; years: ArchivedYear[] }>;
  failed: Array<{ studentId: string; error: string }>;
}

/** One batch from the queue: each student on their own, a failure recorded and left for a retry. */
export async function archiveBatch(
  deps: ArchiveDeps,
  studentIdsOfBatch: readonly string[],
): Promise<BatchOutcome> {
  const out: BatchOutcome = { archived: [], failed: [] };
  for (const studentId of studentIdsOfBatch) {
    try {
      out.archived.push({ studentId, years: await archiveStudent(deps, studentId) });
    } catch (err) {
      out.failed.push({ studentId, error: err instanceof Error ? err.name : String(err) });
    }
  }
  return out;
}
