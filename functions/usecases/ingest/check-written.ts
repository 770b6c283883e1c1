import type { IsoDate } from '../../../shared/policy/types';
import { getPortalNotice } from '../../store/portal-notices';
import type { StoredRegistration } from '../../store/registrations';
import { studentItemExpiry } from '../../store/retention';
import { readRosterVersion } from '../../store/roster-version';
import { batchGetStudents } from '../../store/students';
import { classifyFor } from './classify-for';
import { type BatchState, calendarOf } from './context';
import { type Reclassification, writeReclassifications } from './write-registrations';

const SEVERE_WEATHER = 'severe_weather';

/**
 * Once this batch's lessons are written: were they classified with what is still true? Without
 * a lock a student (birth date, end of enrolment) or a severe-weather notice may have changed
 * between this batch's reads and its writes. Every such change is stored first and then looks
 * for the lessons it affects (students.ts `settleStudentChanges`, severe-weather.ts); this
 * batch wrote first and now reads (the roster version, the notices of its severe-weather
 * dates, consistently). So either the change's pass finds the lesson, or this read finds the
 * change and the lesson is classified again, conditional on the version and verdict it has.
 */
export async function checkWritten(state: BatchState): Promise<void> {
  const written = [...state.written.values()].filter(
    (r): r is StoredRegistration & { live: NonNullable<StoredRegistration['live']> } => r.live !== undefined,
  );
  if (written.length === 0) return;
  const { store, retentionYears } = state.deps;
  const severe = [
    ...new Set(written.filter((r) => r.live.reason === SEVERE_WEATHER).map((r) => r.live.date)),
  ];
  const [version, notices] = await Promise.all([
    readRosterVersion(store),
    Promise.all(severe.map((date) => getPortalNotice(store, date, SEVERE_WEATHER))),
  ]);
  const dates = new Set<IsoDate>(state.severeWeatherDates);
  let datesMoved = false;
  severe.forEach((date, i) => {
    const noticed = notices[i] != null;
    if (noticed === dates.has(date)) return;
    datesMoved = true;
    if (noticed) dates.add(date);
    else dates.delete(date);
  });
  // The version this batch began with: a move by this batch itself counts too (another
  // delivery's student change may have been stored before it and missed by this batch's reads).
  const studentsMoved = version !== state.rosterVersion;
  if (!datesMoved && !studentsMoved) return;
  if (studentsMoved) {
    for (const [id, student] of await batchGetStudents(
      store,
      written.map((r) => r.live.studentId),
    ))
      state.students.set(id, student);
  }
  const calendar = calendarOf(state.deps);
  const again: Reclassification[] = written.flatMap(({ live }) => {
    const student = state.students.get(live.studentId);
    if (!student) return [];
    return [
      {
        registrationId: live.registrationId,
        revision: live.revision,
        classification: classifyFor(student, live, {
          severeWeatherDates: dates,
          stretches: { calendar, dates: state.stretchDates.get(live.studentId) ?? new Map() },
        }),
        expiresAt: studentItemExpiry(student, live.date, retentionYears),
      },
    ];
  });
  await writeReclassifications(store, state.deps.now(), again, state.registrations);
}
