import { classify } from '../../../shared/policy';
import type { IsoDate } from '../../../shared/policy/types';
import { listSevereWeatherEntries } from '../../store/day-summaries';
import { factsOf } from '../../store/registrations';
import { studentItemExpiry } from '../../store/retention';
import { batchGetStudents } from '../../store/students';
import type { BatchState } from './context';
import { type Reclassification, writeDayChanges } from './day-changes';

/**
 * Re-runs the classification of every stored severe-weather registration on `date` with
 * the given notice dates (their entries are indexed by date).
 */
export async function reclassifySevereWeather(
  state: BatchState,
  date: IsoDate,
  severeWeatherDates: ReadonlySet<IsoDate>,
): Promise<void> {
  const { store, retentionYears } = state.deps;
  const registrations = (await listSevereWeatherEntries(store, date)).flatMap((e) => factsOf(e) ?? []);
  if (registrations.length === 0) return;
  const missing = registrations.map((r) => r.studentId).filter((id) => !state.students.has(id));
  for (const [id, student] of await batchGetStudents(store, missing)) state.students.set(id, student);
  const reclassifications: Reclassification[] = registrations.flatMap((registration) => {
    const student = state.students.get(registration.studentId);
    if (!student) return [];
    return [
      {
        registration,
        classification: classify(registration, { birthDate: student.birthDate, severeWeatherDates }),
        expiresAt: studentItemExpiry(student, registration.date, retentionYears),
      },
    ];
  });
  state.lease.check();
  await writeDayChanges(store, state.deps.now(), { reclassifications });
}
