import type { IsoDate } from '../../../shared/policy/types';
import { listSevereWeatherRegistrations } from '../../store/registrations';
import { classifyFor } from './classify-for';
import type { BatchState } from './context';
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
