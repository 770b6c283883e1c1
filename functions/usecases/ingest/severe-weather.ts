import { classify } from '../../../shared/policy';
import type { IsoDate } from '../../../shared/policy/types';
import { reclassifyDayEntry } from '../../store/day-summaries';
import { mapLimit } from '../../store/dynamo';
import { factsOf, listSevereWeatherRegistrations } from '../../store/registrations';
import { batchGetStudents } from '../../store/students';
import type { BatchState } from './context';

/**
 * Re-runs the classification of every stored severe-weather registration on `date` with
 * the given notice dates, rewriting only the classification of the entry at the same
 * revision (a correction that landed meanwhile is newer and wins).
 */
export async function reclassifySevereWeather(
  state: BatchState,
  date: IsoDate,
  severeWeatherDates: ReadonlySet<IsoDate>,
): Promise<void> {
  const { store } = state.deps;
  const registrations = (await listSevereWeatherRegistrations(store, date)).flatMap((r) => factsOf(r) ?? []);
  if (registrations.length === 0) return;
  const missing = registrations.map((r) => r.studentId).filter((id) => !state.students.has(id));
  for (const [id, student] of await batchGetStudents(store, missing)) state.students.set(id, student);
  await mapLimit(registrations, 8, async (reg) => {
    const student = state.students.get(reg.studentId);
    if (!student) return;
    await reclassifyDayEntry(store, {
      studentId: reg.studentId,
      date: reg.date,
      registrationId: reg.registrationId,
      revision: reg.revision,
      classification: classify(reg, { birthDate: student.birthDate, severeWeatherDates }),
    });
  });
}
