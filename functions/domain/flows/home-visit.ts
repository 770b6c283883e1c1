import type { FlowDefinition } from '../steps';
import { FEEDBACK_STEP, PLAN_STEP } from './officer-steps';

/**
 * "Huisbezoek" (policy appendix 4 §5): a visit to a student who cannot be reached any other way,
 * at a coach's request, "verder op dezelfde wijze afgehandeld als de overige meldingen": planned,
 * made (or nobody was home, or it is moved), reported back to the coach (a mail when that step is
 * recorded), and closed with an outcome. Office work counts in working days.
 */
export const HOME_VISIT_FLOW: FlowDefinition = {
  kind: 'home_visit',
  steps: [
    PLAN_STEP,
    {
      key: 'visit',
      outcomes: ['visited', 'nobody_home', 'rescheduled'],
      note: { requiredFor: ['visited'] },
      due: { from: 'planned', step: 'plan', count: 0, unit: 'days' },
      leadsTo: { rescheduled: 'plan' },
    },
    FEEDBACK_STEP,
    {
      key: 'finish',
      outcomes: ['contact_restored', 'no_contact', 'referred'],
      note: { requiredFor: ['no_contact', 'referred'] },
      due: { from: 'previous', count: 5, unit: 'working_days' },
    },
  ],
};
