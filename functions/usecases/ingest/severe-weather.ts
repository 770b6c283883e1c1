import { classify } from '../../../shared/policy';
import type { IsoDate } from '../../../shared/policy/types';
import { listSevereWeatherRegistrations } from '../../store/registrations';
import { batchGetStudents } from '../../store/students';
import type { BatchState } from './context';
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
  const missing = registrations.map((r) => r.studentId).filter((id) => !state.students.has(id));
  for (const [id, student] of await batchGetStudents(store, missing)) state.students.set(id, student);
  const reclassifications: Reclassification[] = registrations.flatMap((reg) => {
    const student = state.students.get(reg.studentId);
    if (!student) return [];
    return [
      {
        registrationId: reg.registrationId,
        revision: reg.revision,
        classification: classify(reg, { birthDate: student.birthDate, severeWeatherDates }),
      },
    ];
  });
  state.lease.check();
  await writeReclassifications(store, state.deps.now(), reclassifications, state.registrations);
}
