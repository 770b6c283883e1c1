import type { SchoolCalendar } from '../../../shared/calendar';
import { classify } from '../../../shared/policy';
import type { IsoDate } from '../../../shared/policy/types';
import type { Store } from '../../store/client';
import type { DayRecord } from '../../store/day-summaries';
import { listRegistrations } from '../../store/registrations';
import { applyDayChanges } from './day-changes';
import { stretchContext, stretchDatesOf } from './stretches';

/**
 * A corrected birth date changes the age-dependent rules: every stored registration of the
 * student is classified again. Runs before the student item records the new birth date, so
 * a failure halfway is redone by the retry.
 */
export async function reclassifyStudent(
  store: Store,
  studentId: string,
  birthDate: IsoDate,
  severeWeatherDates: ReadonlySet<IsoDate>,
  calendar: SchoolCalendar,
  known: Map<string, DayRecord>,
): Promise<void> {
  const registrations = await listRegistrations(store, studentId, '0000-00-00', '9999-99-99');
  const stretches = stretchDatesOf(registrations);
  await applyDayChanges(
    store,
    {
      reclassifications: registrations.map((reg) => ({
        studentId,
        date: reg.date,
        registrationId: reg.registrationId,
        revision: reg.revision,
        classification: classify(reg, {
          birthDate,
          severeWeatherDates,
          ...stretchContext(calendar, stretches, reg),
        }),
      })),
    },
    known,
  );
}
