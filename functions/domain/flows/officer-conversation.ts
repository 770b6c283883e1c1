import type { FlowDefinition } from '../steps';
import { FEEDBACK_STEP, PLAN_STEP } from './officer-steps';

/**
 * "Melden Nee: gesprek met student door verzuimbegeleider" (policy appendix 2) and the coach's
 * referral "Verzuimgesprek": the officer plans the conversation, holds it (or the student does
 * not come, or it is moved), reports back to the coach ("terugkoppeling coach", a mail when that
 * step is recorded), holds a follow-up conversation two weeks after the planned first one, and
 * closes the case with an outcome once the student has been followed for four weeks.
 *
 * Weeks are counted in school days (five a school week, holidays and days off skipped), as the
 * 4-week report's weeks of following are: a conversation needs the student at school, and a
 * holiday shows no attendance to follow. Planning and reporting back are office work, counted
 * in working days. Deadlines and why: shared/policy/README.md ("The officer's conversation").
 */
export const OFFICER_CONVERSATION_FLOW: FlowDefinition = {
  kind: 'officer_conversation',
  follow: { after: 'conversation', until: 'finish' },
  steps: [
    PLAN_STEP,
    {
      key: 'conversation',
      outcomes: ['held', 'no_show', 'rescheduled'],
      note: { requiredFor: ['held'] },
      due: { from: 'planned', step: 'plan', count: 0, unit: 'days' },
      leadsTo: { rescheduled: 'plan' },
    },
    FEEDBACK_STEP,
    {
      key: 'followup',
      outcomes: ['held', 'no_show'],
      note: { requiredFor: ['held'] },
      due: { from: 'planned', step: 'plan', count: 10, unit: 'school_days' },
    },
    {
      key: 'finish',
      outcomes: ['improved', 'not_improved', 'referred'],
      note: { requiredFor: ['not_improved', 'referred'] },
      due: { from: 'planned', step: 'plan', count: 20, unit: 'school_days' },
    },
  ],
};
