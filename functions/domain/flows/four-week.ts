import type { FlowDefinition } from '../steps';

/**
 * The 4-week report (policy appendix 4 §2, WEB 8.1.8a): check with the coach whether the absence
 * is real, invite the student (a letter, archived for the auditor), hold the conversation (a
 * no-show is followed too), follow the student for 3 school weeks, then report to DUO or close
 * with a reason. Deadlines and why: shared/policy/README.md ("The 4-week report case").
 */
export const FOUR_WEEK_FLOW: FlowDefinition = {
  kind: 'four_week',
  follow: { after: 'conversation', until: 'follow' },
  steps: [
    {
      key: 'check',
      outcomes: ['confirmed', 'not_confirmed'],
      note: { requiredFor: ['not_confirmed'] },
      due: { from: 'previous', count: 2, unit: 'working_days' },
      leadsTo: { not_confirmed: 'close' },
    },
    {
      key: 'invitation',
      outcomes: ['sent'],
      date: { requiredFor: ['sent'] },
      note: { requiredFor: [] },
      due: { from: 'previous', count: 3, unit: 'working_days' },
    },
    {
      key: 'conversation',
      outcomes: ['held', 'no_show'],
      note: { requiredFor: [] },
      due: { from: 'planned', step: 'invitation', count: 0, unit: 'days' },
    },
    {
      key: 'follow',
      outcomes: ['changed', 'no_change'],
      note: { requiredFor: ['changed'] },
      due: { from: 'previous', count: 15, unit: 'school_days' },
      leadsTo: { changed: 'close' },
    },
    {
      key: 'decision',
      outcomes: ['duo_report', 'closed'],
      note: { requiredFor: ['closed'] },
      due: { from: 'previous', count: 5, unit: 'working_days' },
      leadsTo: { duo_report: 'close', closed: 'close' },
    },
  ],
};
