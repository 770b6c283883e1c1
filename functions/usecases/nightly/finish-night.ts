import type { NightRef } from './plan-night';
import type { NightlyDeps } from './ports';
import type { NightlyResult } from './run-nightly';

/** The run's result without the mail flush (the mail queue sends), and the unsent mails for it. */
export type FinishedNight = Omit<NightlyResult, 'flush'> & { run: number; mailIds: string[] };

export function finishNight(deps: NightlyDeps, ref: NightRef): Promise<FinishedNight> {
  void deps;
  return Promise.resolve({
    asOf: ref.asOf,
    run: ref.run,
    candidates: 0,
    evaluated: 0,
    signals: 0,
    withdrawn: 0,
    reminders: 0,
    stepReminders: 0,
    deadlineReminders: 0,
    endDatesProposed: 0,
    outflowCases: 0,
    eightHourLists: 0,
    kpiUnits: 0,
    mailsQueued: 0,
    failedStudents: 0,
    eventsPublished: 0,
    mailIds: [],
  });
}
