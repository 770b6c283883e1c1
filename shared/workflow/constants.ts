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
  'sick_pattern',
  'suspension_check',
  'outflow',
  'correction',
  'undeliverable_mail',
] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export const DUO_STATUSES = ['registered', 'in_progress', 'closed', 'withdrawn', 'noted'] as const;
export const REFERRAL_CATEGORIES = ['duo', 'officer_conversation', 'officer_question'] as const;
/** Cases with steps (functions/domain/steps.ts): each kind is one flow definition. */
export const FLOW_KINDS = ['four_week'] as const;
export const STEP_STATES = ['done', 'current', 'later'] as const;
