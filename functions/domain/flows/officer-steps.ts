import type { StepDefinition } from '../steps';

/**
 * The steps the officer's conversation and the home visit share ("verder op dezelfde wijze
 * afgehandeld", appendix 4 §5): planning a date within 5 working days, and reporting back to the
 * coach within 2 working days of meeting the student. Office work counts in working days.
 */
export const PLAN_STEP: StepDefinition = {
  key: 'plan',
  outcomes: ['planned'],
  date: { requiredFor: ['planned'] },
  note: { requiredFor: [] },
  due: { from: 'previous', count: 5, unit: 'working_days' },
};

export const FEEDBACK_STEP: StepDefinition = {
  key: 'feedback',
  outcomes: ['reported'],
  note: { requiredFor: [] },
  due: { from: 'previous', count: 2, unit: 'working_days' },
};
