/**
 * Plain lists the web app imports at runtime (without pulling zod into the bundle); the zod
 * schemas beside this file are built from them.
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
] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export const DUO_STATUSES = ['registered', 'in_progress', 'closed', 'withdrawn', 'noted'] as const;
export const REFERRAL_CATEGORIES = ['duo', 'officer_conversation', 'officer_question'] as const;
export const OVERVIEW_KINDS = ['eight_hour', 'sixteen_hour', 'four_week', 'sickness', 'presence'] as const;
