import type { OutflowCaseView, OutflowStep } from '../../../../shared/api/outflow';

/** One step of an outflow case as the coach's page shows it. */
export interface StepState {
  step: OutflowStep;
  done: boolean;
  /** Can be ticked now: the case is open, the step not done, and for closing STS-B (and the counsellor) are. */
  enabled: boolean;
  by: string | null;
  at: string | null;
}

/** The steps of a case with what may be ticked (the service checks the same; this only spares a refused click). */
export function stepStates(c: OutflowCaseView): StepState[] {
  const open = c.status === 'open';
  const required = c.steps.filter((s) => s.step !== 'closed' && s.step !== 'rmc_reported');
  const readyToClose = required.every((s) => s.done);
  return c.steps.map((s) => ({
    step: s.step,
    done: s.done,
    enabled: open && !s.done && (s.step !== 'closed' || readyToClose),
    by: s.by,
    at: s.at,
  }));
}

/** The coach's outflow cases: open ones first, as the service orders them, and a note per case for the RMC report. */
export class OutflowCases {
  cases = $state<OutflowCaseView[]>([]);
  notes = $state<Record<string, string>>({});
  busy = $state(false);
  open = $derived(this.cases.filter((c) => c.status === 'open'));
  closed = $derived(this.cases.filter((c) => c.status === 'done'));

  constructor(cases: OutflowCaseView[]) {
    this.cases = cases;
  }

  /** The request body for a step; the note only where one was typed. */
  body(caseId: string, step: OutflowStep): { step: OutflowStep; note?: string } {
    const note = (this.notes[caseId] ?? '').trim();
    return note ? { step, note } : { step };
  }

  /** After a step was saved: the service's new list, and the case's note cleared. */
  saved(caseId: string, cases: OutflowCaseView[]) {
    this.cases = cases;
    this.notes = { ...this.notes, [caseId]: '' };
  }
}
