import type { IsoDate } from '../../../shared/policy/types';
import { severeWeatherDates } from '../../store/portal-notices';
import { listSevereWeatherRegistrations } from '../../store/registrations';
import { readRosterVersion } from '../../store/roster-version';
import { classifyFor } from './classify-for';
import { type BatchState, type IngestDeps, newBatchState } from './context';
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
  await writeReclassifications(store, state.deps.now(), reclassifications, state.registrations);
}

/**
 * The administrator posts or withdraws a severe-weather notice for `date` (admin/notices.ts):
 * that date's stored severe-weather registrations are reclassified with (`noticed`) or without
 * the notice, then `commit` stores the notice change, then they are reclassified once more.
 * The first pass keeps the admin's action repeatable if the commit fails; the second finds the
 * lessons a delivery classified under the old notices meanwhile: such a delivery reads the
 * notice again after writing them (check-written.ts), so a lesson is either written before
 * this pass lists them or its delivery sees the commit.
 */
export async function reclassifyForNotice(
  deps: IngestDeps,
  date: IsoDate,
  noticed: boolean,
  commit: () => Promise<void>,
): Promise<void> {
  const pass = async () => {
    const dates = await severeWeatherDates(deps.store);
    if (noticed) dates.add(date);
    else dates.delete(date);
    const state = newBatchState(deps, await readRosterVersion(deps.store));
    state.severeWeatherDates = dates;
    await reclassifySevereWeather(state, date, dates);
  };
  await pass();
  await commit();
  await pass();
}
