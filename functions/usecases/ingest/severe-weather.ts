import type { IsoDate } from '../../../shared/policy/types';
import { severeWeatherDates } from '../../store/portal-notices';
import { listSevereWeatherRegistrations } from '../../store/registrations';
import { classifyFor } from './classify-for';
import type { BatchState, IngestDeps } from './context';
import { DEFAULT_LEASE, withIngestLease } from './lease';
import { loadStudents } from './roster-cache';
import { type Reclassification, writeReclassifications } from './write-registrations';

/**
 * Re-runs the classification of every stored severe-weather registration on `date` with
 * the given notice dates (they are indexed by date).
 */
export async function reclassifySevereWeather(
  state: BatchState,
  date: IsoDate,
  severeWeatherDates: ReadonlySet<IsoDate>,
): Promise<void> {
  const { store } = state.deps;
  const registrations = await listSevereWeatherRegistrations(store, date);
  if (registrations.length === 0) return;
  await loadStudents(
    state,
    registrations.map((r) => r.studentId),
  );
  const reclassifications: Reclassification[] = registrations.flatMap((reg) => {
    const student = state.students.get(reg.studentId);
    if (!student) return [];
    return [
      {
        registrationId: reg.registrationId,
        revision: reg.revision,
        classification: classifyFor(student, reg, { severeWeatherDates }),
      },
    ];
  });
  state.lease.check();
  await writeReclassifications(store, state.deps.now(), reclassifications, state.registrations);
}

/**
 * The administrator posts or withdraws a severe-weather notice for `date` (admin/notices.ts):
 * under the ingestion lease, that date's stored severe-weather registrations are reclassified
 * with (`noticed`) or without the notice, then `commit` stores the notice change. Holding the
 * lease, no delivery classifies a registration of that date meanwhile under the old notices;
 * reclassifying first keeps the admin's action repeatable if the commit fails.
 */
export async function reclassifyForNotice(
  deps: IngestDeps,
  date: IsoDate,
  noticed: boolean,
  commit: () => Promise<void>,
): Promise<void> {
  await withIngestLease(deps.store, deps.lease ?? DEFAULT_LEASE, async (lease) => {
    const dates = await severeWeatherDates(deps.store);
    if (noticed) dates.add(date);
    else dates.delete(date);
    const state: BatchState = {
      deps,
      lease,
      students: new Map(),
      registrations: new Map(),
      severeWeatherDates: dates,
      outcomes: new Map(),
      consumedPending: [],
      outboxEvents: [],
    };
    await reclassifySevereWeather(state, date, dates);
    lease.check();
    await commit();
  });
}
