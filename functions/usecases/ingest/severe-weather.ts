import { classify } from '../../../shared/policy';
import type { IsoDate } from '../../../shared/policy/types';
import { listSevereWeatherDays } from '../../store/day-summaries';
import { factsOf } from '../../store/registrations';
import { batchGetStudents } from '../../store/students';
import type { BatchState } from './context';
import { applyDayChanges, type Reclassification } from './day-changes';

/**
 * Re-runs the classification of every stored severe-weather registration on `date` with
 * the given notice dates (the days holding one are indexed by date).
 */
export async function reclassifySevereWeather(
  state: BatchState,
  date: IsoDate,
  severeWeatherDates: ReadonlySet<IsoDate>,
): Promise<void> {
  const { store } = state.deps;
  const registrations = (await listSevereWeatherDays(store, date)).flatMap((day) =>
    [...day.entries].flatMap(([id, entry]) => {
      const reg = factsOf(day.studentId, day.date, id, entry);
      return reg?.reason === 'severe_weather' ? [reg] : [];
    }),
  );
  if (registrations.length === 0) return;
  const missing = registrations.map((r) => r.studentId).filter((id) => !state.students.has(id));
  for (const [id, student] of await batchGetStudents(store, missing)) state.students.set(id, student);
  const reclassifications: Reclassification[] = registrations.flatMap((reg) => {
    const student = state.students.get(reg.studentId);
    if (!student) return [];
    return [
      {
        studentId: reg.studentId,
        date: reg.date,
        registrationId: reg.registrationId,
        revision: reg.revision,
        classification: classify(reg, { birthDate: student.birthDate, severeWeatherDates }),
      },
    ];
  });
  state.lease.check();
  await applyDayChanges(store, { reclassifications }, state.days);
}
