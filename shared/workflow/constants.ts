/**
 * The vocabulary of a report's life, shared by the service (functions/domain) and the dashboard
 * (through shared/api): plain lists, so the web app imports them without pulling in zod.
 */
export const REPORT_ACTIONS = [
  'duo',
  'correction',
  'coach_conversation',
  'officer_conversation',
  'officer_question',
] as const;
export const TASK_KINDS = [
  'signal4w',
  'duo_report',
  'officer_conversation',
  'conversation_reminder',
  'officer_question',
  'home_visit',
  'sick_pattern',
  'suspension_check',
  'signal8_list',
  'outflow',
  'correction',
  'undeliverable_mail',
] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export const DUO_STATUSES = ['registered', 'in_progress', 'closed', 'withdrawn', 'noted'] as const;
/** `home_visit`: appendix 4 §5, a visit to a student who cannot be reached any other way. */
export const REFERRAL_CATEGORIES = ['duo', 'officer_conversation', 'officer_question', 'home_visit'] as const;
/** An outflow case's steps (appendix 4): STS-B, the outflow counsellor (Entree, level 2), the RMC report, closed. */
export const OUTFLOW_STEPS = ['sts_involved', 'counsellor_involved', 'rmc_reported', 'closed'] as const;
/** Cases with steps (functions/domain/steps.ts): each kind is one flow definition. */
export const FLOW_KINDS = ['four_week', 'officer_conversation', 'home_visit'] as const;
export const STEP_STATES = ['done', 'current', 'later'] as const;
/**
 * The kinds of DUO report the attendance officer makes (Besluit verzuimmelding): 16 hours in 4
 * weeks, long relative absence (LRV: over 4 weeks), an early school leaver to the RMC, luxury absence.
 */
export const DUO_REPORT_TYPES = ['16_hours_in_4_weeks', 'long_absence', 'rmc', 'luxury'] as const;
/** The types DUO wants an end date for once the student is back or has left. */
export const DUO_TYPES_WITH_END_DATE = ['16_hours_in_4_weeks', 'long_absence', 'rmc'] as const;
