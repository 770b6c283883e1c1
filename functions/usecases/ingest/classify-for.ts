import type { SchoolCalendar } from '../../../shared/calendar';
import { type Classification, classify } from '../../../shared/policy';
import type { IsoDate, RegistrationFacts } from '../../../shared/policy/types';
import { type StretchDates, stretchContext } from './stretches';

/** What ingestion knows around a registration when it classifies it. */
export interface KnownDays {
  /** Dates with a severe-weather notice on the school's portal. */
  severeWeatherDates: ReadonlySet<IsoDate>;
  /** The student's suspension and special-leave days, counted on the school calendar. */
  stretches?: { calendar: SchoolCalendar; dates: StretchDates };
}

/**
 * The classification of one of `student`'s registrations: the policy's `classify` with the
 * context every ingestion path builds the same way (the student's age, the severe-weather
 * days, and where the registration falls in a suspension or in the year's special leave).
 */
export function classifyFor(
  student: { birthDate: IsoDate },
  reg: RegistrationFacts,
  known: KnownDays,
): Classification {
  return classify(reg, {
    birthDate: student.birthDate,
    severeWeatherDates: known.severeWeatherDates,
    ...(known.stretches ? stretchContext(known.stretches.calendar, known.stretches.dates, reg) : {}),
  });
}
