import type { Period } from '../../../shared/policy/signals/types';
import type { DomainEvent } from '../../events/types';
import type { MailRequest, TemplateId } from '../../mail/templates';
import { TEMPLATE_KIND } from '../../mail/templates';
import { nightlyMailId } from '../../store/record-ids';
import type { Notice } from '../effects/notify';

/**
 * What one signal, report or task of a run has to tell one reader. The run collects these and
 * sends each reader one mail per template (`batchMails`), however many things it found at once.
 */
export interface MailDraft<T extends TemplateId = TemplateId> extends Notice<T> {
  studentId: string;
  /** The period the thing is about; also orders the lines of a combined mail. */
  period: Period;
  /** Set for an 8-hour signal: superseded (and not mailed) by a report of the same run over its period. */
  signal8?: boolean;
  /** Published once the mail that carries this draft is recorded (the signal was told). */
  event?: DomainEvent;
}

/** A 16-hour report found in the same run: its period covers the 8-hour signals it supersedes. */
export interface Superseding {
  studentId: string;
  period: Period;
}

export interface MailBatch {
  request: MailRequest;
  events: DomainEvent[];
}

const covers = (outer: Period, inner: Period): boolean => outer.from <= inner.from && outer.to >= inner.to;

/** An 8-hour draft whose period a report of the same student in this run covers: neither mailed nor listed. */
export const superseded = (draft: MailDraft, reports: readonly Superseding[]): boolean =>
  draft.signal8 === true &&
  reports.some((r) => r.studentId === draft.studentId && covers(r.period, draft.period));

/**
 * Pure: the mails of one run. Drops 8-hour drafts superseded by a report of the same student in
 * this run (the signal itself is recorded; only the mail would be stale), then makes one mail per
 * reader and template, listing its things in period order. The id depends on the run's date,
 * template and reader only, so replaying the same date records nothing new.
 */
export function batchMails(
  drafts: readonly MailDraft[],
  reports: readonly Superseding[],
  asOf: string,
): MailBatch[] {
  const live = drafts.filter((d) => !superseded(d, reports));
  // One reader, one kind: a person who is both coach and attendance officer gets the officer's
  // 4-week mail only, which names the same signals; a different thing of another template stays apart.
  const byReader = new Map<string, MailDraft[]>();
  for (const draft of live) {
    const key = `${TEMPLATE_KIND[draft.template]}\u0000${draft.to.toLowerCase()}`;
    byReader.set(key, [...(byReader.get(key) ?? []), draft]);
  }
  const groups = new Map<string, MailDraft[]>();
  for (const [key, list] of byReader) {
    const primary = list
      .map((d) => d.template)
      .sort((a, b) => PREFERENCE.indexOf(a) - PREFERENCE.indexOf(b))[0];
    const told = new Set(list.filter((d) => d.template === primary).map(thing));
    for (const draft of list) {
      if (draft.template !== primary && told.has(thing(draft))) continue;
      const group = `${key}\u0000${draft.template}`;
      groups.set(group, [...(groups.get(group) ?? []), draft]);
    }
  }
  const batches: MailBatch[] = [];
  for (const [, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const sorted = [...group].sort(
      (a, b) =>
        cmp(a.period.from, b.period.from) || cmp(a.period.to, b.period.to) || cmp(a.studentId, b.studentId),
    );
    const [first, ...rest] = sorted as [MailDraft, ...MailDraft[]];
    batches.push({
      request: {
        id: batchMailId(asOf, first.template, first.to),
        template: first.template,
        to: [first.to],
        data: first.data,
        ...(rest.length > 0 ? { also: rest.map((d) => d.data) } : {}),
        studentIds: [...new Set(sorted.map((d) => d.studentId))].sort(),
      } as MailRequest,
      events: sorted.flatMap((d) => (d.event ? [d.event] : [])),
    });
  }
  return batches;
}

/** Templates in the order they are declared: the officer's before the coach's, the student's before the guardian's. */
const PREFERENCE = Object.keys(TEMPLATE_KIND) as TemplateId[];

const thing = (d: MailDraft): string => `${d.studentId}\u0000${d.period.from}\u0000${d.period.to}`;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The id of the one mail of a template a reader gets from the run of `asOf` (the address stays out of it). */
export const batchMailId = (asOf: string, template: TemplateId, to: string): string =>
  nightlyMailId(asOf, template, TEMPLATE_KIND[template], to);
