import type {
  CompleteStepBody,
  TaskChange,
  TaskDetail,
  TaskEvent,
  TaskStep,
} from '../../../../shared/api/tasks';
import { type Lang, translate, translateOr } from '../../../../shared/i18n';

/** A step's name in words: `step.<flow>.<key>`, else the key. */
export function stepName(lang: Lang, flow: string | null, key: string): string {
  return flow ? translateOr(lang, `step.${flow}.${key}`, key) : key;
}

export const outcomeName = (lang: Lang, outcome: string): string =>
  translateOr(lang, `outcome.${outcome}`, outcome);

/** The step the case waits for, if any (none once closed, none on a task without steps). */
export function currentStep(detail: Pick<TaskDetail, 'steps'>): TaskStep | undefined {
  return detail.steps.find((s) => s.state === 'current');
}

/** The form that completes the current step: an outcome, a date and a note where the step asks them. */
export class StepForm {
  outcome = $state('');
  date = $state('');
  note = $state('');
  /** Shown only after a first attempt to send: the form does not scold before. */
  touched = $state(false);
  submitting = $state(false);

  constructor(readonly step: TaskStep) {}

  // Getters over the state: as reactive in the template as `$derived`, and they may read `step`.
  get dateRequired(): boolean {
    return this.step.dateRequiredFor.includes(this.outcome);
  }
  get noteRequired(): boolean {
    return this.step.noteRequiredFor.includes(this.outcome);
  }
  get outcomeMissing(): boolean {
    return this.outcome === '';
  }
  get dateMissing(): boolean {
    return this.dateRequired && this.date === '';
  }
  get noteMissing(): boolean {
    return this.noteRequired && this.note.trim() === '';
  }
  get ready(): boolean {
    return !this.outcomeMissing && !this.dateMissing && !this.noteMissing;
  }

  body(): CompleteStepBody {
    return {
      step: this.step.key,
      outcome: this.outcome,
      ...(this.step.asksDate && this.date ? { date: this.date } : {}),
      ...(this.step.asksNote && this.note.trim() ? { note: this.note.trim() } : {}),
    };
  }
}

/** What the server refused, in the reader's language when it names the refusal (`error.<code>`). */
export function refusalText(lang: Lang, error: unknown, flow: string | null): string | null {
  if (!(error instanceof Error)) return null;
  const { code, values = {} } = error as Error & { code?: string; values?: Record<string, string> };
  if (!code) return null;
  const words: Record<string, string> = { ...values };
  if (values.step) words.step = stepName(lang, flow, values.step);
  if (values.current) words.current = stepName(lang, flow, values.current);
  if (values.outcome) words.outcome = outcomeName(lang, values.outcome);
  if (values.allowed)
    words.allowed = values.allowed
      .split(/,\s*/)
      .map((o) => outcomeName(lang, o))
      .join(', ');
  const text = translateOr(lang, `error.${code}`, '');
  return text ? text.replace(/\{(\w+)\}/g, (whole, name: string) => words[name] ?? whole) : null;
}

/** One field of a change as a line: "Status: open → in behandeling". */
export function changeLine(lang: Lang, change: TaskChange): string {
  const value = (v: string | null) => {
    if (v === null) return translate(lang, 'task.none');
    if (change.field === 'status') return translateOr(lang, `taskStatus.${v}`, v);
    if (change.field === 'duoStatus') return translateOr(lang, `duo.${v}`, v);
    return v;
  };
  return `${translate(lang, `task.field.${change.field}`)}: ${value(change.before)} → ${value(change.after)}`;
}

/** Who made a change: a staff member's name, or the nightly run. */
export const byWhom = (lang: Lang, event: Pick<TaskEvent, 'by'>): string =>
  event.by === 'system' ? translate(lang, 'task.system') : event.by;

/** A percentage in the reader's notation ("39,5 %" in Dutch). */
export function percent(lang: Lang, value: number | null): string {
  if (value === null) return '–';
  return `${new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(value)} %`;
}

/**
 * What an audit entry says, in words. The trail records it in short English (`status done`,
 * `step check confirmed`, `created (as of 2026-11-17)`); the page shows the reader's language
 * and leaves an unknown entry as it was recorded.
 */
export function whatText(lang: Lang, what: string, flow: string | null): string {
  const plain = what.replace(/ \(as of [^)]*\)$/, '');
  const [head = '', a = '', b = ''] = plain.split(' ');
  if (head === 'step' && a && b) return `${stepName(lang, flow, a)}: ${outcomeName(lang, b)}`;
  if (head === 'status' && a) return translate(lang, 'task.what.status');
  if (head === 'DUO' && a) return `${translate(lang, 'worklist.duo')}: ${translateOr(lang, `duo.${a}`, a)}`;
  if (head === 'referral') return translate(lang, 'task.what.referral');
  // The nightly reminder of a due step: `reminded <index>:<step>`.
  if (head === 'reminded' && a.includes(':'))
    return `${translate(lang, 'task.what.reminded')}: ${stepName(lang, flow, a.slice(a.indexOf(':') + 1))}`;
  const key = `task.what.${plain.replace(/ /g, '_')}`;
  return translateOr(lang, key, what);
}

/** The time of an entry as the school reads it (Europe/Amsterdam), whatever the reader's machine says. */
export function schoolTime(at: string): string {
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
}

/** The school's date (YYYY-MM-DD) of an entry: an entry just after midnight belongs to that day. */
export function schoolDate(at: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(at));
}
