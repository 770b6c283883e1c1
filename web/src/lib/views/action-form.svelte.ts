import { REPORT_ACTIONS } from '../../../../shared/api/constants';
import type { LegalConsequence, ReportAction, ReportDetail } from '../../../../shared/api/reports';
import { type DashboardKey, type Lang, translate } from '../../../../shared/i18n';

/** One of the five actions as the form shows it: offered, or shown with the reason it cannot apply. */
export interface ActionOption {
  action: ReportAction;
  available: boolean;
  reason: DashboardKey | null;
}

/** What the coach just did: an action, or "Actie afgerond". */
export type Done = ReportAction | 'completed';

/** Why an action cannot apply to this report (the words of the server's refusal), or null when it can. */
function unavailableReason(report: ReportDetail, action: ReportAction): DashboardKey | null {
  if (action === 'duo' && (report.routeX || report.legal?.outcome === 'route_x')) return 'error.duo_route_x';
  if (action === 'duo' && report.legal?.outcome === 'none') return 'error.no_legal_report';
  if (action === 'coach_conversation' && report.status === 'conversation')
    return 'error.conversation_under_way';
  return null;
}

/**
 * The coach's form on a 16-hour report: one of five actions plus a required explanation.
 * `canApply` is what enables the apply button; `canComplete` shows "actie afgerond", which asks
 * for the conversation's outcome. After either, `done` says what happens next.
 */
export class ActionForm {
  action = $state<ReportAction | null>(null);
  explanation = $state('');
  outcome = $state('');
  submitting = $state(false);
  touched = $state(false);
  completeTouched = $state(false);
  done = $state<Done | null>(null);
  report = $state<ReportDetail>(undefined as unknown as ReportDetail);

  /** Every action, each offered or not with its reason (e.g. DUO for Route-X or a student of 23+). */
  options = $derived<ActionOption[]>(
    REPORT_ACTIONS.map((action) => {
      const reason = unavailableReason(this.report, action);
      return { action, available: reason === null, reason };
    }),
  );
  /** The actions offered. */
  actions = $derived(this.options.filter((o) => o.available).map((o) => o.action));
  unavailable = $derived(this.options.filter((o) => !o.available));
  explanationMissing = $derived(this.explanation.trim().length === 0);
  outcomeMissing = $derived(this.outcome.trim().length === 0);
  open = $derived(this.reportOpen());
  canApply = $derived(
    this.open &&
      this.action !== null &&
      this.actions.includes(this.action) &&
      !this.explanationMissing &&
      !this.submitting,
  );
  canComplete = $derived(
    this.report.status === 'conversation' && this.report.action === 'coach_conversation' && !this.submitting,
  );
  /** The coach's next open report (null: none left; undefined: not asked, e.g. not the coach). */
  nextOpenReportId = $derived(this.report.nextOpenReportId);

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

  completeBody(): { outcome: string } {
    return { outcome: this.outcome.trim() };
  }

  /** After a successful apply or "actie afgerond": show the new state, what happens next, and clear the form. */
  applied(report: ReportDetail, done: Done | null = this.action) {
    this.done = done;
    this.report = report;
    this.action = null;
    this.explanation = '';
    this.outcome = '';
    this.touched = false;
    this.completeTouched = false;
  }
}

/** What happens after the coach's action, in the reader's language (DUO's: with its deadline). */
export function nextStepText(lang: Lang, done: Done, report: Pick<ReportDetail, 'duoDeadline'>): string {
  if (done === 'duo') {
    const [y, m, d] = (report.duoDeadline ?? '').split('-');
    const date = report.duoDeadline ? (lang === 'nl' ? `${d}-${m}-${y}` : report.duoDeadline) : '–';
    return translate(lang, 'report.next.duo', { date });
  }
  return translate(lang, `report.next.${done}`);
}

/** What the law makes of the report, as one sentence (before the coach chooses). */
export function legalText(lang: Lang, legal: LegalConsequence | null | undefined): string {
  if (!legal) return translate(lang, 'legal.unknown');
  const values = { age: legal.age };
  switch (legal.outcome) {
    case 'lpa':
      return translate(lang, 'legal.lpa', {
        ...values,
        status: translate(
          lang,
          legal.status === 'leerplichtig' ? 'legal.status.leerplichtig' : 'legal.status.kwalificatieplichtig',
        ),
      });
    case 'rmc':
      return translate(lang, 'legal.rmc', values);
    case 'route_x':
      return translate(lang, 'legal.route_x', values);
    case 'none':
      return translate(
        lang,
        legal.startQualification ? 'legal.none.startQualification' : 'legal.none.age',
        values,
      );
  }
}

/** A history entry's status change, "open → in gesprek" (none when it did not change). */
export function statusChange(
  lang: Lang,
  entry: { statusBefore?: string | undefined; statusAfter?: string | undefined },
): string | null {
  if (!entry.statusBefore || !entry.statusAfter || entry.statusBefore === entry.statusAfter) return null;
  const word = (s: string) => translate(lang, `status.${s}` as DashboardKey);
  return `${word(entry.statusBefore)} → ${word(entry.statusAfter)}`;
}
