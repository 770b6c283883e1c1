/**
 * Plain lists the web app imports at runtime (without pulling zod into the bundle); the zod
 * schemas beside this file are built from them. The workflow's own words live in shared/workflow.
 */
export {
  DUO_REPORT_TYPES,
  DUO_STATUSES,
  FLOW_KINDS,
  OUTFLOW_STEPS,
  REFERRAL_CATEGORIES,
  REPORT_ACTIONS,
  STEP_STATES,
  TASK_KINDS,
  TASK_STATUSES,
} from '../workflow/constants';

export const OVERVIEW_KINDS = ['eight_hour', 'sixteen_hour', 'four_week', 'sickness', 'presence'] as const;
