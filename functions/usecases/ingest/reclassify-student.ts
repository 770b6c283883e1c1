import type { IsoDate } from '../../../shared/policy/types';
import { listRegistrations } from '../../store/registrations';
import { classifyFor } from './classify-for';
import { type BatchState, calendarOf } from './context';
import { stretchDatesOf } from './stretches';
import { writeReclassifications } from './write-registrations';

/**
 * A corrected birth date changes the age-dependent rules: every stored registration of the
 * student is classified again. Runs before the student item records the new birth date, so
 * a failure halfway is redone by the retry, and once more after (settleStudentChanges).
 */
export async function reclassifyStudent(
  state: BatchState,
  student: { studentId: string; birthDate: IsoDate },
): Promise<void> {
  const { store } = state.deps;
  const registrations = await listRegistrations(store, student.studentId, '0000-00-00', '9999-99-99');
  const stretches = stretchDatesOf(registrations);
  const calendar = calendarOf(state.deps);
  await writeReclassifications(
    store,
    state.deps.now(),
    registrations.map((reg) => ({
      registrationId: reg.registrationId,
      revision: reg.revision,
      classification: classifyFor(student, reg, {
        severeWeatherDates: state.severeWeatherDates,
        stretches: { calendar, dates: stretches },
      }),
    })),
    state.registrations,
  );
}
