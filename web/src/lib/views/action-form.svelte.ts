import { REPORT_ACTIONS } from '../../../../shared/api/constants';
import type { ReportAction, ReportDetail } from '../../../../shared/api/reports';

/**
 * The coach's form on a 16-hour report: one of five actions plus a required explanation.
 * `canApply` is what enables the apply button; `canComplete` shows "actie afgerond".
 */
export class ActionForm {
  action = $state<ReportAction | null>(null);
  explanation = $state('');
  submitting = $state(false);
  touched = $state(false);
  report = $state<ReportDetail>(undefined as unknown as ReportDetail);

  /** The actions offered: a Route-X report (the internal norm) is never reported to DUO. */
  actions = $derived(REPORT_ACTIONS.filter((a) => !(this.report.routeX && a === 'duo')));
  explanationMissing = $derived(this.explanation.trim().length === 0);
  open = $derived(this.reportOpen());
  canApply = $derived(this.open && this.action !== null && !this.explanationMissing && !this.submitting);
  canComplete = $derived(
    this.report.status === 'conversation' && this.report.action === 'coach_conversation' && !this.submitting,
  );

  constructor(report: ReportDetail) {
    this.report = report;
  }

  private reportOpen(): boolean {
    return this.report.status === 'open' || this.report.status === 'conversation';
  }

  body(): { action: ReportAction; explanation: string } {
    if (this.action === null) throw new Error('no action chosen');
    return { action: this.action, explanation: this.explanation.trim() };
  }

  /** After a successful apply: show the new state and clear the form. */
  applied(report: ReportDetail) {
    this.report = report;
    this.action = null;
    this.explanation = '';
    this.touched = false;
  }
}
