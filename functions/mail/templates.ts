import { translateOr } from '../../shared/i18n';
import { formatDate, formatDuration } from './format';
import { layout, type MailContent } from './layout';
import { plainData } from './plain-text';
import type { Locale, MailKind, OutgoingMail } from './types';

/**
 * Every mail Presentie sends, Dutch first. The data types deliberately have no field for an
 * absence reason or any medical detail: what a mail cannot be given, it cannot leak. Details stay
 * on the dashboard, behind a login, where the reader has something to do.
 */
export interface TemplateData {
  /** `reportAtMinutes`: the student's threshold for the coach's report (960; less for Route-X). */
  'signal8.student': {
    studentName: string;
    minutes: number;
    reportAtMinutes?: number;
    /** The internal Route-X norm: the coach is told, and nothing is said of DUO (it never goes there). */
    routeX?: boolean;
    /** The student's coach, named as the one to talk to (part N, #13). */
    coachName?: string;
    from: string;
    to: string;
  };
  'signal8.guardian': { guardianOf: string; minutes: number; from: string; to: string };
  'report16.coach': {
    coachName: string;
    studentName: string;
    minutes: number;
    from: string;
    to: string;
    dueDate: string;
    url: string;
    /** The student's other reports still open when this one was made ("Tess heeft nog 3 andere open meldingen"). */
    otherOpen?: number;
  };
  /** A report on the internal Route-X norm: never called a 16-hour report, never tied to DUO. */
  'routex.coach': {
    coachName: string;
    studentName: string;
    minutes: number;
    from: string;
    to: string;
    dueDate: string;
    url: string;
    otherOpen?: number;
  };
  'routex.withdrawn.coach': { coachName: string; studentName: string; from: string; to: string; url: string };
  /** A manager's reminder: counts only, no student named (the list is on the dashboard). */
  'reminder.coach': {
    coachName: string;
    managerName: string;
    unitName: string;
    open: number;
    overdue: number;
    /** The day the counts are from (the day it is sent). */
    date: string;
    url: string;
  };
  'signal4w.officer': {
    officerName: string;
    studentName: string;
    coachName: string;
    from: string;
    to: string;
    url: string;
  };
  /** `url`: the student's page, where the coach sees the signal and, later, the case. */
  'signal4w.coach': { coachName: string; studentName: string; from: string; to: string; url?: string };
  'sick.coach': { coachName: string; studentName: string; from: string; to: string; url: string };
  /** `occurrences`: the days counted, a day once per late arrival or new absence (the signal's). */
  'frequent.student': {
    studentName: string;
    from: string;
    to: string;
    occurrences?: string[];
    coachName?: string;
  };
  'frequent.coach': {
    coachName: string;
    studentName: string;
    from: string;
    to: string;
    occurrences?: string[];
    url: string;
  };
  'outflow.coach': {
    coachName: string;
    studentName: string;
    date: string;
    counsellor: boolean;
    /** Under 23 without a starting qualification (the RMC report); absent: true, as every case once was. */
    earlyLeaver?: boolean;
    url: string;
  };
  'withdrawn.coach': { coachName: string; studentName: string; from: string; to: string; url: string };
  'task.assignee': {
    assigneeName: string;
    studentName: string;
    task: TaskLabel;
    /** The period the task is about (a report's, a correction's, a conversation's follow-up). */
    from?: string;
    to?: string;
    dueDate?: string;
    url: string;
  };
  /**
   * "Terugkoppeling coach": the officer's conversation or home visit, told to the coach when the
   * officer records it. The outcome is one of a fixed list; the officer's note stays on the
   * dashboard (it may hold what a mail must not).
   */
  'feedback.coach': {
    coachName: string;
    officerName: string;
    studentName: string;
    flow: FeedbackFlow;
    outcome: FeedbackOutcome;
    /** The day of the conversation or visit. */
    date: string;
    /** Conversation: the weeks the student is followed, from the conversation on. */
    from?: string;
    to?: string;
    /** Conversation: the follow-up conversation, two school weeks after the first. */
    followUpOn?: string;
    url: string;
  };
  /** A step of a case falls due (the nightly run, on its day): `flow` and `step` name it in shared/i18n. */
  'step.due': {
    assigneeName: string;
    studentName: string;
    flow: string;
    step: string;
    /** The day it is due. */
    date: string;
    /** The case's period (the absence it is about), when the task has one. */
    from?: string;
    to?: string;
    url: string;
  };
  /** A case closed: its coach is told how (appendix 4 §2: "alleen nog bij afhandeling gemeld aan de coach"). */
  'case.closed.coach': {
    coachName: string;
    studentName: string;
    flow: string;
    outcome: string;
    /** The case's period: the absence it started from, to the day it closed. */
    from: string;
    to: string;
    reason?: string;
    /** Reported to DUO, for the LPA or the RMC. */
    duo?: 'LPA' | 'RMC';
    /** 18 or older: DUO may stop the studiefinanciering. */
    adult?: boolean;
    url: string;
  };
  /**
   * A term about to pass: the coach's for a 16-hour report (`report`), the attendance officer's
   * DUO deadline (`duo`). Sent once, on the working day before `dueDate`.
   */
  'deadline.reminder': {
    readerName: string;
    studentName: string;
    term: 'report' | 'duo';
    from: string;
    to: string;
    dueDate: string;
    url: string;
  };
}
export type FeedbackFlow = 'officer_conversation' | 'home_visit';
export type FeedbackOutcome = 'held' | 'no_show' | 'visited' | 'nobody_home';
export type TemplateId = keyof TemplateData;

export type TaskLabel =
  | 'duo_report'
  | 'correction'
  | 'officer_conversation'
  | 'officer_question'
  | 'home_visit'
  | 'conversation_reminder'
  | 'signal4w'
  | 'sick_pattern'
  | 'suspension_check'
  | 'signal8_list'
  | 'undeliverable_mail';

const TASK_LABELS: Record<TaskLabel, Record<Locale, string>> = {
  duo_report: { nl: 'verzuimmelding aan DUO doen', en: 'submit an absence report to DUO' },
  correction: { nl: 'presentiegegevens corrigeren', en: 'correct the presence data' },
  officer_conversation: { nl: 'gesprek met de student voeren', en: 'hold a conversation with the student' },
  officer_question: { nl: 'vraag van de coach beantwoorden', en: "answer the coach's question" },
  home_visit: { nl: 'huisbezoek afleggen', en: 'make a home visit' },
  conversation_reminder: {
    nl: 'herinnering: terugkoppeling gesprek aan de coach',
    en: 'reminder: report back to the coach on the conversation',
  },
  signal4w: { nl: '4-wekensignaal opvolgen', en: 'follow up a 4-week signal' },
  sick_pattern: {
    nl: 'verzuimpatroon bespreken met de coach',
    en: 'discuss an absence pattern with the coach',
  },
  undeliverable_mail: { nl: 'onbestelbare mail nakijken', en: 'look into an undeliverable mail' },
  suspension_check: {
    nl: 'controleer de registratie: schorsing langer dan 5 schooldagen',
    en: 'check the registration: suspension longer than 5 school days',
  },
  signal8_list: {
    nl: 'vervolgacties na 8-uurssignalen uitzetten',
    en: 'set out follow-up actions after 8-hour signals',
  },
};

export const TEMPLATE_KIND: Record<TemplateId, MailKind> = {
  'signal8.student': 'signal8',
  'signal8.guardian': 'signal8',
  'report16.coach': 'report16',
  'routex.coach': 'report16',
  'signal4w.officer': 'signal4w',
  'signal4w.coach': 'signal4w',
  'sick.coach': 'sick',
  'frequent.student': 'frequent',
  'frequent.coach': 'frequent',
  'outflow.coach': 'outflow',
  'withdrawn.coach': 'withdrawn',
  'routex.withdrawn.coach': 'withdrawn',
  'task.assignee': 'task',
  'reminder.coach': 'reminder',
  'feedback.coach': 'task',
  'step.due': 'case',
  'case.closed.coach': 'case',
  'deadline.reminder': 'deadline',
};

/**
 * One template in one language. `one` is the mail about a single thing; a run that has several
 * things of one kind for one reader sends one mail instead (`many`): the same greeting, an intro,
 * and one line per thing, each naming its student, its period and its link.
 */
interface Variant<D> {
  one: (d: D) => MailContent;
  many: {
    subject: (ds: D[]) => string;
    intro: (ds: D[]) => string;
    line: (d: D) => string;
    url?: (d: D) => string;
  };
}

type Templates = { [T in TemplateId]: Record<Locale, Variant<TemplateData[T]>> };

const dashboard = { nl: 'Open in Presentie', en: 'Open in Presentie' };

/** "van 5 oktober 2026 tot en met 9 oktober 2026": every mail names the period it is about. */
export function formatPeriod(from: string, to: string, locale: Locale): string {
  if (from === to) return locale === 'nl' ? `op ${formatDate(from, 'nl')}` : `on ${formatDate(from, 'en')}`;
  return locale === 'nl'
    ? `van ${formatDate(from, 'nl')} tot en met ${formatDate(to, 'nl')}`
    : `from ${formatDate(from, 'en')} to ${formatDate(to, 'en')}`;
}

/** Whom the student talks to: the coach by name when known. */
const yourCoach = (d: { coachName?: string }, locale: Locale): string =>
  locale === 'nl'
    ? `je coach${d.coachName ? `, ${d.coachName}` : ''}`
    : `your coach${d.coachName ? `, ${d.coachName}` : ''}`;

/** Where a student disputes a registration (policy: the front office corrects registrations). */
const DISPUTE: Record<Locale, string> = {
  nl: 'Klopt een registratie niet? Meld dat bij de frontoffice, die de registratie kan corrigeren.',
  en: 'Is a registration wrong? Tell the front office, who can correct it.',
};

/** "Tess heeft nog 3 andere open meldingen." when the student has earlier open reports. */
function otherOpenLine(d: { studentName: string; otherOpen?: number }, locale: Locale): string[] {
  const n = d.otherOpen ?? 0;
  if (n <= 0) return [];
  if (locale === 'nl')
    return [`${d.studentName} heeft nog ${n} andere open ${n === 1 ? 'melding' : 'meldingen'}.`];
  return [`${d.studentName} has ${n} other open ${n === 1 ? 'report' : 'reports'}.`];
}

/** What the frequent-absence signal counted: "4 keer (op 3, 5 en 12 november 2026)". */
function countedLine(d: { occurrences?: string[] }, locale: Locale): string {
  const days = d.occurrences ?? [];
  if (days.length === 0) return '';
  const distinct = [...new Set(days)].map((day) => formatDate(day, locale));
  const list =
    distinct.length === 1
      ? (distinct[0] as string)
      : `${distinct.slice(0, -1).join(', ')} ${locale === 'nl' ? 'en' : 'and'} ${distinct.at(-1)}`;
  return locale === 'nl'
    ? ` Geteld: ${days.length} keer ongeoorloofd afwezig of te laat (${list}).`
    : ` Counted: ${days.length} times absent without authorization or late (${list}).`;
}

const names = (ds: { studentName: string }[]): string =>
  [...new Set(ds.map((d) => d.studentName))].join(', ');

/**
 * The subject of a mail to staff (coach, attendance officer, a task's assignee) names the
 * student and what is asked of the reader, and no kind of concern beyond what the policy needs.
 * A subject is seen in a mailbox preview, on a lock screen, on a shared screen. The policy names
 * two things by mail, and their names stay: the coach's 16-uursmelding (to handle by a date, or
 * withdrawn) and the attendance officer's 4-wekensignaal. Everything else says what is asked,
 * never absence, sickness or a pattern, leaving without a qualification, DUO: the body, opened
 * by the reader, says what it is about. Dutch and English say the same. Mails to the student
 * and the guardian keep theirs: the policy has the student told of their own absence.
 */
/** `many` names several at once (`{n}`: how many); without it, the count follows `one`. */
type SubjectLabel = { one: string; many?: string };
const STAFF_SUBJECT: Record<StaffTemplate, Record<Locale, SubjectLabel>> = {
  'report16.coach': {
    nl: { one: '16-uursmelding', many: '{n} 16-uursmeldingen' },
    en: { one: '16-hour report', many: '{n} 16-hour reports' },
  },
  'withdrawn.coach': {
    nl: { one: '16-uursmelding ingetrokken', many: '16-uursmeldingen ingetrokken' },
    en: { one: '16-hour report withdrawn', many: '16-hour reports withdrawn' },
  },
  'signal4w.officer': {
    nl: { one: '4-wekensignaal', many: '{n} 4-wekensignalen' },
    en: { one: '4-week signal', many: '{n} 4-week signals' },
  },
  'routex.coach': { nl: { one: 'Route-X, actie gevraagd' }, en: { one: 'Route-X, action requested' } },
  'routex.withdrawn.coach': { nl: { one: 'Route-X, vervallen' }, en: { one: 'Route-X, cancelled' } },
  'reminder.coach': { nl: { one: 'Herinnering' }, en: { one: 'Reminder' } },
  'signal4w.coach': { nl: { one: 'Ter informatie' }, en: { one: 'For your information' } },
  'sick.coach': { nl: { one: 'Gesprek gevraagd' }, en: { one: 'Conversation requested' } },
  'frequent.coach': { nl: { one: 'Aandacht gevraagd' }, en: { one: 'Attention needed' } },
  'outflow.coach': { nl: { one: 'Uitschrijving' }, en: { one: 'Deregistration' } },
  'task.assignee': { nl: { one: 'Nieuwe taak' }, en: { one: 'New task' } },
  'feedback.coach': { nl: { one: 'Terugkoppeling' }, en: { one: 'Feedback' } },
  'step.due': { nl: { one: 'Stap te doen' }, en: { one: 'Step due' } },
  'case.closed.coach': { nl: { one: 'Zaak afgerond' }, en: { one: 'Case closed' } },
  'deadline.reminder': { nl: { one: 'Herinnering' }, en: { one: 'Reminder' } },
};
export type StaffTemplate = Exclude<TemplateId, 'signal8.student' | 'signal8.guardian' | 'frequent.student'>;
export const STAFF_TEMPLATES = Object.keys(STAFF_SUBJECT) as StaffTemplate[];
/** The staff mails whose subject carries the policy's own name for what they are about. */
export const POLICY_NAMED_SUBJECTS = [
  'report16.coach',
  'withdrawn.coach',
  'signal4w.officer',
] as const satisfies readonly StaffTemplate[];

/**
 * "Gesprek gevraagd: Sanne de Boer", several: "Gesprek gevraagd (3): Sanne de Boer, Tim Ates";
 * a policy-named one: "16-uursmelding: Sanne de Boer", several: "3 16-uursmeldingen: ...".
 */
function staffSubject(template: StaffTemplate, locale: Locale, ...ds: { studentName: string }[]): string {
  const label = STAFF_SUBJECT[template][locale];
  if (ds.length === 1) return `${label.one}: ${names(ds)}`;
  const many = label.many?.replace('{n}', String(ds.length));
  return many ? `${many}: ${names(ds)}` : `${label.one} (${ds.length}): ${names(ds)}`;
}

const TERM: Record<'report' | 'duo', Record<Locale, string>> = {
  report: {
    nl: 'kies je een actie voor de 16-uursmelding van',
    en: 'choose an action on the 16-hour report of',
  },
  duo: {
    nl: 'moet de verzuimmelding bij DUO zijn (wettelijke termijn) van',
    en: 'the absence report must reach DUO (the legal term) for',
  },
};

const deadlineReminder: Record<Locale, Variant<TemplateData['deadline.reminder']>> = {
  nl: {
    one: (d) => ({
      subject: staffSubject('deadline.reminder', 'nl', d),
      greeting: `Beste ${d.readerName},`,
      paragraphs: [
        `Uiterlijk ${formatDate(d.dueDate, 'nl')} ${TERM[d.term].nl} ${d.studentName} (${formatPeriod(d.from, d.to, 'nl')}).`,
        'Dit is de enige herinnering.',
      ],
      action: { label: dashboard.nl, url: d.url },
    }),
    many: {
      subject: (ds) => staffSubject('deadline.reminder', 'nl', ...ds),
      intro: () => 'Deze termijnen lopen bijna af:',
      line: (d) =>
        `uiterlijk ${formatDate(d.dueDate, 'nl')} ${TERM[d.term].nl} ${d.studentName} (${formatPeriod(d.from, d.to, 'nl')})`,
      url: (d) => d.url,
    },
  },
  en: {
    one: (d) => ({
      subject: staffSubject('deadline.reminder', 'en', d),
      greeting: `Dear ${d.readerName},`,
      paragraphs: [
        `By ${formatDate(d.dueDate, 'en')} ${TERM[d.term].en} ${d.studentName} (${formatPeriod(d.from, d.to, 'en')}).`,
        'This is the only reminder.',
      ],
      action: { label: dashboard.en, url: d.url },
    }),
    many: {
      subject: (ds) => staffSubject('deadline.reminder', 'en', ...ds),
      intro: () => 'These terms are about to pass:',
      line: (d) =>
        `by ${formatDate(d.dueDate, 'en')} ${TERM[d.term].en} ${d.studentName} (${formatPeriod(d.from, d.to, 'en')})`,
      url: (d) => d.url,
    },
  },
};

const templates: Omit<Templates, keyof typeof caseTemplates> = {
  'signal8.student': {
    nl: {
      one: (d) => ({
        subject: `Je hebt ${formatDuration(d.minutes, 'nl')} ongeoorloofd verzuim`,
        greeting: `Beste ${d.studentName},`,
        paragraphs: [
          `Volgens onze registratie ben je ${formatDuration(d.minutes, 'nl')} ongeoorloofd afwezig geweest in de lesweken ${formatPeriod(d.from, d.to, 'nl')}.`,
          `Is er iets aan de hand? Neem dan deze week contact op met ${yourCoach(d, 'nl')}. Bij ${formatDuration(d.reportAtMinutes ?? 960, 'nl')} ongeoorloofd verzuim krijgt je coach een melding${d.routeX ? '.' : ', en kan de school verplicht zijn je te melden bij DUO.'}`,
          DISPUTE.nl,
        ],
      }),
      many: {
        subject: () => 'Je hebt ongeoorloofd verzuim',
        intro: (ds) =>
          `Volgens onze registratie ben je ongeoorloofd afwezig geweest in deze periodes. Klopt dit niet, of is er iets aan de hand? Neem dan deze week contact op met je coach. Bij ${formatDuration(ds[0]?.reportAtMinutes ?? 960, 'nl')} ongeoorloofd verzuim krijgt je coach een melding.`,
        line: (d) => `${formatDuration(d.minutes, 'nl')} ${formatPeriod(d.from, d.to, 'nl')}`,
      },
    },
    en: {
      one: (d) => ({
        subject: `You have ${formatDuration(d.minutes, 'en')} of unauthorized absence`,
        greeting: `Dear ${d.studentName},`,
        paragraphs: [
          `According to our records you have been absent without authorization for ${formatDuration(d.minutes, 'en')} in the school weeks ${formatPeriod(d.from, d.to, 'en')}.`,
          `If something is going on, please contact ${yourCoach(d, 'en')} this week. At ${formatDuration(d.reportAtMinutes ?? 960, 'en')} of unauthorized absence your coach is notified${d.routeX ? '.' : ', and the school may be required to report you to DUO.'}`,
          DISPUTE.en,
        ],
      }),
      many: {
        subject: () => 'You have unauthorized absence',
        intro: (ds) =>
          `According to our records you have been absent without authorization in these periods. If this is not right, or if something is going on, please contact your coach this week. At ${formatDuration(ds[0]?.reportAtMinutes ?? 960, 'en')} of unauthorized absence your coach is notified.`,
        line: (d) => `${formatDuration(d.minutes, 'en')} ${formatPeriod(d.from, d.to, 'en')}`,
      },
    },
  },
  'signal8.guardian': {
    nl: {
      one: (d) => ({
        subject: `Ongeoorloofd verzuim van ${d.guardianOf}`,
        greeting: 'Geachte ouder of verzorger,',
        paragraphs: [
          `Volgens onze registratie is ${d.guardianOf} ${formatDuration(d.minutes, 'nl')} ongeoorloofd afwezig geweest in de lesweken ${formatPeriod(d.from, d.to, 'nl')}.`,
          'Wilt u dit met uw kind bespreken? Bij vragen kunt u contact opnemen met de coach.',
        ],
      }),
      many: {
        subject: (ds) => `Ongeoorloofd verzuim van ${[...new Set(ds.map((d) => d.guardianOf))].join(', ')}`,
        intro: () =>
          'Volgens onze registratie is uw kind in deze periodes ongeoorloofd afwezig geweest. Wilt u dit met uw kind bespreken? Bij vragen kunt u contact opnemen met de coach.',
        line: (d) =>
          `${d.guardianOf}: ${formatDuration(d.minutes, 'nl')} ${formatPeriod(d.from, d.to, 'nl')}`,
      },
    },
    en: {
      one: (d) => ({
        subject: `Unauthorized absence of ${d.guardianOf}`,
        greeting: 'Dear parent or guardian,',
        paragraphs: [
          `According to our records ${d.guardianOf} has been absent without authorization for ${formatDuration(d.minutes, 'en')} in the school weeks ${formatPeriod(d.from, d.to, 'en')}.`,
          'Please discuss this with your child. For questions, contact the coach.',
        ],
      }),
      many: {
        subject: (ds) => `Unauthorized absence of ${[...new Set(ds.map((d) => d.guardianOf))].join(', ')}`,
        intro: () =>
          'According to our records your child has been absent without authorization in these periods. Please discuss this with your child. For questions, contact the coach.',
        line: (d) =>
          `${d.guardianOf}: ${formatDuration(d.minutes, 'en')} ${formatPeriod(d.from, d.to, 'en')}`,
      },
    },
  },
  'report16.coach': {
    nl: {
      one: (d) => ({
        subject: staffSubject('report16.coach', 'nl', d),
        greeting: `Beste ${d.coachName},`,
        paragraphs: [
          `${d.studentName} heeft ${formatDuration(d.minutes, 'nl')} ongeoorloofd verzuim binnen vier aaneengesloten lesweken (${formatDate(d.from, 'nl')} tot en met ${formatDate(d.to, 'nl')}).`,
          ...otherOpenLine(d, 'nl'),
          `De melding staat in de open lijst van je team. Kies een actie en licht die toe, uiterlijk ${formatDate(d.dueDate, 'nl')}.`,
        ],
        action: { label: 'Melding behandelen', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('report16.coach', 'nl', ...ds),
        intro: (ds) =>
          `Er staan ${ds.length} nieuwe 16-uursmeldingen in de open lijst van je team. Kies per melding een actie en licht die toe, uiterlijk op de genoemde datum.`,
        line: (d) =>
          `${d.studentName}: ${formatDuration(d.minutes, 'nl')} ongeoorloofd verzuim ${formatPeriod(d.from, d.to, 'nl')}, uiterlijk ${formatDate(d.dueDate, 'nl')}`,
        url: (d) => d.url,
      },
    },
    en: {
      one: (d) => ({
        subject: staffSubject('report16.coach', 'en', d),
        greeting: `Dear ${d.coachName},`,
        paragraphs: [
          `${d.studentName} has ${formatDuration(d.minutes, 'en')} of unauthorized absence within four consecutive school weeks (${formatDate(d.from, 'en')} to ${formatDate(d.to, 'en')}).`,
          ...otherOpenLine(d, 'en'),
          `The report is in your team's open list. Choose an action and explain it by ${formatDate(d.dueDate, 'en')}.`,
        ],
        action: { label: 'Handle the report', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('report16.coach', 'en', ...ds),
        intro: (ds) =>
          `There are ${ds.length} new 16-hour reports in your team's open list. For each, choose an action and explain it by the date given.`,
        line: (d) =>
          `${d.studentName}: ${formatDuration(d.minutes, 'en')} of unauthorized absence ${formatPeriod(d.from, d.to, 'en')}, by ${formatDate(d.dueDate, 'en')}`,
        url: (d) => d.url,
      },
    },
  },
  'routex.coach': {
    nl: {
      one: (d) => ({
        subject: staffSubject('routex.coach', 'nl', d),
        greeting: `Beste ${d.coachName},`,
        paragraphs: [
          `${d.studentName} heeft ${formatDuration(d.minutes, 'nl')} ongeoorloofd verzuim ${formatPeriod(d.from, d.to, 'nl')}. Dat is de interne urennorm van Route-X.`,
          ...otherOpenLine(d, 'nl'),
          `De melding staat in de open lijst van je team. Kies een actie en licht die toe, uiterlijk ${formatDate(d.dueDate, 'nl')}.`,
        ],
        action: { label: 'Melding behandelen', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('routex.coach', 'nl', ...ds),
        intro: (ds) =>
          `Er staan ${ds.length} nieuwe Route-X-meldingen (interne urennorm) in de open lijst van je team. Kies per melding een actie en licht die toe, uiterlijk op de genoemde datum.`,
        line: (d) =>
          `${d.studentName}: ${formatDuration(d.minutes, 'nl')} ongeoorloofd verzuim ${formatPeriod(d.from, d.to, 'nl')}, uiterlijk ${formatDate(d.dueDate, 'nl')}`,
        url: (d) => d.url,
      },
    },
    en: {
      one: (d) => ({
        subject: staffSubject('routex.coach', 'en', d),
        greeting: `Dear ${d.coachName},`,
        paragraphs: [
          `${d.studentName} has ${formatDuration(d.minutes, 'en')} of unauthorized absence ${formatPeriod(d.from, d.to, 'en')}. That is the internal hour norm of Route-X.`,
          ...otherOpenLine(d, 'en'),
          `The report is in your team's open list. Choose an action and explain it by ${formatDate(d.dueDate, 'en')}.`,
        ],
        action: { label: 'Handle the report', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('routex.coach', 'en', ...ds),
        intro: (ds) =>
          `There are ${ds.length} new Route-X reports (internal hour norm) in your team's open list. For each, choose an action and explain it by the date given.`,
        line: (d) =>
          `${d.studentName}: ${formatDuration(d.minutes, 'en')} of unauthorized absence ${formatPeriod(d.from, d.to, 'en')}, by ${formatDate(d.dueDate, 'en')}`,
        url: (d) => d.url,
      },
    },
  },
  'routex.withdrawn.coach': {
    nl: {
      one: (d) => ({
        subject: staffSubject('routex.withdrawn.coach', 'nl', d),
        greeting: `Beste ${d.coachName},`,
        paragraphs: [
          `De Route-X-melding van ${d.studentName} over de periode ${formatPeriod(d.from, d.to, 'nl')} is ingetrokken: na correctie van de registraties is de interne urennorm niet meer bereikt. Je hoeft niets meer te doen.`,
        ],
        action: { label: dashboard.nl, url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('routex.withdrawn.coach', 'nl', ...ds),
        intro: () =>
          'Deze Route-X-meldingen zijn ingetrokken: na correctie van de registraties is de interne urennorm niet meer bereikt. Je hoeft er niets meer mee te doen.',
        line: (d) => `${d.studentName}: ${formatPeriod(d.from, d.to, 'nl')}`,
        url: (d) => d.url,
      },
    },
    en: {
      one: (d) => ({
        subject: staffSubject('routex.withdrawn.coach', 'en', d),
        greeting: `Dear ${d.coachName},`,
        paragraphs: [
          `The Route-X report of ${d.studentName} about the period ${formatPeriod(d.from, d.to, 'en')} has been withdrawn: after the registrations were corrected, the internal hour norm is no longer reached. No action is needed.`,
        ],
        action: { label: dashboard.en, url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('routex.withdrawn.coach', 'en', ...ds),
        intro: () =>
          'These Route-X reports have been withdrawn: after the registrations were corrected, the internal hour norm is no longer reached. No action is needed.',
        line: (d) => `${d.studentName}: ${formatPeriod(d.from, d.to, 'en')}`,
        url: (d) => d.url,
      },
    },
  },
  'reminder.coach': {
    nl: {
      one: (d) => ({
        subject: `Herinnering: ${d.unitName}`,
        greeting: `Beste ${d.coachName},`,
        paragraphs: [
          `${d.managerName} vraagt je de open meldingen van je studenten in ${d.unitName} te behandelen. Op ${formatDate(d.date, 'nl')} staan er ${d.open} open${d.overdue > 0 ? `, waarvan ${d.overdue} over de uiterste datum` : ''}.`,
          `Kies per melding een actie en licht die toe, uiterlijk op de datum die bij de melding staat. Vragen? Neem contact op met ${d.managerName}.`,
        ],
        action: { label: 'Open lijst bekijken', url: d.url },
      }),
      many: {
        subject: (ds) => `Herinnering (${ds.length}): ${[...new Set(ds.map((d) => d.unitName))].join(', ')}`,
        intro: (ds) =>
          `Je wordt gevraagd de open meldingen van je studenten te behandelen. Kies per melding een actie en licht die toe, uiterlijk op de datum die bij de melding staat. Zo stonden ze op ${formatDate(ds[0]?.date ?? '', 'nl')}:`,
        line: (d) => `${d.unitName}: ${d.open} open, ${d.overdue} over de uiterste datum (${d.managerName})`,
        url: (d) => d.url,
      },
    },
    en: {
      one: (d) => ({
        subject: `Reminder: ${d.unitName}`,
        greeting: `Dear ${d.coachName},`,
        paragraphs: [
          `${d.managerName} asks you to handle the open reports of your students in ${d.unitName}. On ${formatDate(d.date, 'en')} there are ${d.open} open${d.overdue > 0 ? `, ${d.overdue} of them past their date` : ''}.`,
          `For each, choose an action and explain it by the date the report shows. Questions? Contact ${d.managerName}.`,
        ],
        action: { label: 'Open the list', url: d.url },
      }),
      many: {
        subject: (ds) => `Reminder (${ds.length}): ${[...new Set(ds.map((d) => d.unitName))].join(', ')}`,
        intro: (ds) =>
          `You are asked to handle the open reports of your students. For each, choose an action and explain it by the date the report shows. As they stood on ${formatDate(ds[0]?.date ?? '', 'en')}:`,
        line: (d) => `${d.unitName}: ${d.open} open, ${d.overdue} past their date (${d.managerName})`,
        url: (d) => d.url,
      },
    },
  },
  'signal4w.officer': {
    nl: {
      one: (d) => ({
        subject: staffSubject('signal4w.officer', 'nl', d),
        greeting: `Beste ${d.officerName},`,
        paragraphs: [
          `${d.studentName} is vier aaneengesloten lesweken ongeoorloofd afwezig, ${formatPeriod(d.from, d.to, 'nl')}.`,
          `Stem af met de coach (${d.coachName}), nodig de student uit en volg hem of haar drie weken. Er staat een taak voor je klaar.`,
        ],
        action: { label: 'Taak openen', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('signal4w.officer', 'nl', ...ds),
        intro: () =>
          'Deze studenten zijn vier aaneengesloten lesweken ongeoorloofd afwezig. Stem per student af met de coach, nodig de student uit en volg hem of haar drie weken. Er staan taken voor je klaar.',
        line: (d) => `${d.studentName} (coach ${d.coachName}): ${formatPeriod(d.from, d.to, 'nl')}`,
        url: (d) => d.url,
      },
    },
    en: {
      one: (d) => ({
        subject: staffSubject('signal4w.officer', 'en', d),
        greeting: `Dear ${d.officerName},`,
        paragraphs: [
          `${d.studentName} has been absent without authorization for four consecutive school weeks, ${formatPeriod(d.from, d.to, 'en')}.`,
          `Check with the coach (${d.coachName}), invite the student and follow them for three weeks. A task is waiting for you.`,
        ],
        action: { label: 'Open the task', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('signal4w.officer', 'en', ...ds),
        intro: () =>
          'These students have been absent without authorization for four consecutive school weeks. For each, check with the coach, invite the student and follow them for three weeks. Tasks are waiting for you.',
        line: (d) => `${d.studentName} (coach ${d.coachName}): ${formatPeriod(d.from, d.to, 'en')}`,
        url: (d) => d.url,
      },
    },
  },
  'signal4w.coach': {
    nl: {
      one: (d) => ({
        subject: staffSubject('signal4w.coach', 'nl', d),
        greeting: `Beste ${d.coachName},`,
        paragraphs: [
          `${d.studentName} is vier aaneengesloten lesweken ongeoorloofd afwezig, ${formatPeriod(d.from, d.to, 'nl')}. De verzuimbegeleider neemt contact met je op.`,
          SIGNAL4W_NEXT.nl,
        ],
        ...(d.url ? { action: { label: 'Student openen', url: d.url } } : {}),
      }),
      many: {
        subject: (ds) => staffSubject('signal4w.coach', 'nl', ...ds),
        intro: () =>
          `Deze studenten zijn vier aaneengesloten lesweken ongeoorloofd afwezig. De verzuimbegeleider neemt contact met je op. ${SIGNAL4W_NEXT.nl}`,
        line: (d) => `${d.studentName}: ${formatPeriod(d.from, d.to, 'nl')}`,
        url: (d) => d.url ?? '',
      },
    },
    en: {
      one: (d) => ({
        subject: staffSubject('signal4w.coach', 'en', d),
        greeting: `Dear ${d.coachName},`,
        paragraphs: [
          `${d.studentName} has been absent without authorization for four consecutive school weeks, ${formatPeriod(d.from, d.to, 'en')}. The attendance officer will contact you.`,
          SIGNAL4W_NEXT.en,
        ],
        ...(d.url ? { action: { label: 'Open the student', url: d.url } } : {}),
      }),
      many: {
        subject: (ds) => staffSubject('signal4w.coach', 'en', ...ds),
        intro: () =>
          `These students have been absent without authorization for four consecutive school weeks. The attendance officer will contact you. ${SIGNAL4W_NEXT.en}`,
        line: (d) => `${d.studentName}: ${formatPeriod(d.from, d.to, 'en')}`,
        url: (d) => d.url ?? '',
      },
    },
  },
  'sick.coach': {
    nl: {
      one: (d) => ({
        subject: staffSubject('sick.coach', 'nl', d),
        greeting: `Beste ${d.coachName},`,
        paragraphs: [
          `Bij ${d.studentName} is ${formatPeriod(d.from, d.to, 'nl')} een verzuimpatroon gesignaleerd dat om aandacht vraagt. De verzuimbegeleider krijgt een taak en neemt contact met je op.`,
          'Je hoeft tot dan zelf niets te doen. De details staan op het dashboard.',
        ],
        action: { label: dashboard.nl, url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('sick.coach', 'nl', ...ds),
        intro: () =>
          'Bij deze studenten is een verzuimpatroon gesignaleerd dat om aandacht vraagt. De verzuimbegeleider krijgt een taak en neemt contact met je op. De details staan op het dashboard.',
        line: (d) => `${d.studentName}: ${formatPeriod(d.from, d.to, 'nl')}`,
        url: (d) => d.url,
      },
    },
    en: {
      one: (d) => ({
        subject: staffSubject('sick.coach', 'en', d),
        greeting: `Dear ${d.coachName},`,
        paragraphs: [
          `An absence pattern that needs attention was noticed for ${d.studentName}, ${formatPeriod(d.from, d.to, 'en')}. The attendance officer has been given a task and will contact you.`,
          'Until then there is nothing you need to do. The details are on the dashboard.',
        ],
        action: { label: dashboard.en, url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('sick.coach', 'en', ...ds),
        intro: () =>
          'An absence pattern that needs attention was noticed for these students. The attendance officer has been given a task and will contact you. The details are on the dashboard.',
        line: (d) => `${d.studentName}: ${formatPeriod(d.from, d.to, 'en')}`,
        url: (d) => d.url,
      },
    },
  },
  'frequent.student': {
    nl: {
      one: (d) => ({
        subject: 'Herhaaldelijk verzuim',
        greeting: `Beste ${d.studentName},`,
        paragraphs: [
          `We zien herhaaldelijk verzuim: je bent ${formatPeriod(d.from, d.to, 'nl')} vaak ongeoorloofd afwezig geweest of te laat gekomen.${countedLine(d, 'nl')} Dat baart ons zorgen.`,
          `Neem deze week contact op met ${yourCoach(d, 'nl')}, zodat jullie samen kunnen kijken wat er nodig is.`,
          DISPUTE.nl,
        ],
      }),
      many: {
        subject: () => 'Herhaaldelijk verzuim',
        intro: (ds) =>
          `We zien herhaaldelijk verzuim: je bent in deze periodes vaak ongeoorloofd afwezig geweest of te laat gekomen. Dat baart ons zorgen. Neem deze week contact op met ${yourCoach(ds[0] ?? {}, 'nl')}, zodat jullie samen kunnen kijken wat er nodig is. ${DISPUTE.nl}`,
        line: (d) => `${formatPeriod(d.from, d.to, 'nl')}.${countedLine(d, 'nl')}`,
      },
    },
    en: {
      one: (d) => ({
        subject: 'Repeated absence',
        greeting: `Dear ${d.studentName},`,
        paragraphs: [
          `We notice repeated absence: you have often been absent without authorization or late ${formatPeriod(d.from, d.to, 'en')}.${countedLine(d, 'en')} That worries us.`,
          `Please contact ${yourCoach(d, 'en')} this week so that you can look together at what you need.`,
          DISPUTE.en,
        ],
      }),
      many: {
        subject: () => 'Repeated absence',
        intro: (ds) =>
          `We notice repeated absence: you have often been absent without authorization or late in these periods. That worries us. Please contact ${yourCoach(ds[0] ?? {}, 'en')} this week so that you can look together at what you need. ${DISPUTE.en}`,
        line: (d) => `${formatPeriod(d.from, d.to, 'en')}.${countedLine(d, 'en')}`,
      },
    },
  },
  'frequent.coach': {
    nl: {
      one: (d) => ({
        subject: staffSubject('frequent.coach', 'nl', d),
        greeting: `Beste ${d.coachName},`,
        paragraphs: [
          `Herhaaldelijk verzuim: ${d.studentName} is ${formatPeriod(d.from, d.to, 'nl')} vaak ongeoorloofd afwezig geweest of te laat gekomen.${countedLine(d, 'nl')} De student heeft hierover ook een mail gekregen en is gevraagd contact met je op te nemen.`,
          'Bespreek het deze week met de student; de registraties staan op de studentpagina.',
        ],
        action: { label: dashboard.nl, url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('frequent.coach', 'nl', ...ds),
        intro: () =>
          'Herhaaldelijk verzuim: deze studenten zijn vaak ongeoorloofd afwezig geweest of te laat gekomen. Zij hebben hierover ook een mail gekregen en zijn gevraagd contact met je op te nemen. Bespreek het deze week met hen.',
        line: (d) => `${d.studentName}: ${formatPeriod(d.from, d.to, 'nl')}.${countedLine(d, 'nl')}`,
        url: (d) => d.url,
      },
    },
    en: {
      one: (d) => ({
        subject: staffSubject('frequent.coach', 'en', d),
        greeting: `Dear ${d.coachName},`,
        paragraphs: [
          `Repeated absence: ${d.studentName} has often been absent without authorization or late ${formatPeriod(d.from, d.to, 'en')}.${countedLine(d, 'en')} The student has received a mail about this as well and was asked to contact you.`,
          "Discuss it with the student this week; the registrations are on the student's page.",
        ],
        action: { label: dashboard.en, url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('frequent.coach', 'en', ...ds),
        intro: () =>
          'Repeated absence: these students have often been absent without authorization or late. They have received a mail about this as well and were asked to contact you. Discuss it with them this week.',
        line: (d) => `${d.studentName}: ${formatPeriod(d.from, d.to, 'en')}.${countedLine(d, 'en')}`,
        url: (d) => d.url,
      },
    },
  },
  'outflow.coach': {
    nl: {
      one: (d) => ({
        subject: staffSubject('outflow.coach', 'nl', d),
        greeting: `Beste ${d.coachName},`,
        paragraphs: [
          d.earlyLeaver === false
            ? `${d.studentName} is op ${formatDate(d.date, 'nl')} uitgeschreven.`
            : `${d.studentName} is op ${formatDate(d.date, 'nl')} uitgeschreven, jonger dan 23 en zonder startkwalificatie: maak ook de RMC-melding.`,
          d.counsellor
            ? 'Betrek STS-B en de uitstroombegeleider bij de uitstroom.'
            : 'Betrek STS-B bij de uitstroom.',
        ],
        action: { label: 'Dossier openen', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('outflow.coach', 'nl', ...ds),
        intro: () => 'Deze studenten zijn uitgeschreven. Betrek STS-B bij hun uitstroom.',
        line: (d) =>
          `${d.studentName}: uitgeschreven op ${formatDate(d.date, 'nl')}${d.counsellor ? '; betrek ook de uitstroombegeleider' : ''}${d.earlyLeaver === false ? '' : '; jonger dan 23 en zonder startkwalificatie: maak de RMC-melding'}`,
        url: (d) => d.url,
      },
    },
    en: {
      one: (d) => ({
        subject: staffSubject('outflow.coach', 'en', d),
        greeting: `Dear ${d.coachName},`,
        paragraphs: [
          d.earlyLeaver === false
            ? `${d.studentName} left on ${formatDate(d.date, 'en')}.`
            : `${d.studentName} left on ${formatDate(d.date, 'en')}, under 23 and without a starting qualification: make the RMC report too.`,
          d.counsellor ? 'Involve student services and the outflow counsellor.' : 'Involve student services.',
        ],
        action: { label: 'Open the case', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('outflow.coach', 'en', ...ds),
        intro: () => 'These students left. Involve student services in their leaving.',
        line: (d) =>
          `${d.studentName}: left on ${formatDate(d.date, 'en')}${d.counsellor ? '; involve the outflow counsellor too' : ''}${d.earlyLeaver === false ? '' : '; under 23 without a starting qualification: make the RMC report'}`,
        url: (d) => d.url,
      },
    },
  },
  'withdrawn.coach': {
    nl: {
      one: (d) => ({
        subject: staffSubject('withdrawn.coach', 'nl', d),
        greeting: `Beste ${d.coachName},`,
        paragraphs: [
          `De 16-uursmelding van ${d.studentName} over de periode ${formatPeriod(d.from, d.to, 'nl')} is ingetrokken: na correctie van de registraties is de urengrens niet meer bereikt. Je hoeft niets meer te doen.`,
        ],
        action: { label: dashboard.nl, url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('withdrawn.coach', 'nl', ...ds),
        intro: () =>
          'Deze 16-uursmeldingen zijn ingetrokken: na correctie van de registraties is de urengrens niet meer bereikt. Je hoeft er niets meer mee te doen.',
        line: (d) => `${d.studentName}: ${formatPeriod(d.from, d.to, 'nl')}`,
        url: (d) => d.url,
      },
    },
    en: {
      one: (d) => ({
        subject: staffSubject('withdrawn.coach', 'en', d),
        greeting: `Dear ${d.coachName},`,
        paragraphs: [
          `The 16-hour report of ${d.studentName} about the period ${formatPeriod(d.from, d.to, 'en')} has been withdrawn: after the registrations were corrected, the hour threshold is no longer reached. No action is needed.`,
        ],
        action: { label: dashboard.en, url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('withdrawn.coach', 'en', ...ds),
        intro: () =>
          'These 16-hour reports have been withdrawn: after the registrations were corrected, the hour threshold is no longer reached. No action is needed.',
        line: (d) => `${d.studentName}: ${formatPeriod(d.from, d.to, 'en')}`,
        url: (d) => d.url,
      },
    },
  },
  'task.assignee': {
    nl: {
      one: (d) => ({
        subject: staffSubject('task.assignee', 'nl', d),
        greeting: `Beste ${d.assigneeName},`,
        paragraphs: [
          `Er staat een taak voor je klaar: ${TASK_LABELS[d.task].nl} voor ${d.studentName}${taskPeriod(d, 'nl')}.`,
          d.dueDate
            ? `Graag afronden uiterlijk ${formatDate(d.dueDate, 'nl')}.`
            : 'Open de taak om te beginnen: daar staat wat er nodig is.',
        ],
        action: { label: 'Taak openen', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('task.assignee', 'nl', ...ds),
        intro: () => 'Er staan nieuwe taken voor je klaar. Open elke taak om te beginnen:',
        line: (d) =>
          `${TASK_LABELS[d.task].nl} voor ${d.studentName}${taskPeriod(d, 'nl')}${d.dueDate ? `, uiterlijk ${formatDate(d.dueDate, 'nl')}` : ''}`,
        url: (d) => d.url,
      },
    },
    en: {
      one: (d) => ({
        subject: staffSubject('task.assignee', 'en', d),
        greeting: `Dear ${d.assigneeName},`,
        paragraphs: [
          `A task is waiting for you: ${TASK_LABELS[d.task].en} for ${d.studentName}${taskPeriod(d, 'en')}.`,
          d.dueDate
            ? `Please complete it by ${formatDate(d.dueDate, 'en')}.`
            : 'Open the task to start: it says what is needed.',
        ],
        action: { label: 'Open the task', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('task.assignee', 'en', ...ds),
        intro: () => 'New tasks are waiting for you. Open each task to start:',
        line: (d) =>
          `${TASK_LABELS[d.task].en} for ${d.studentName}${taskPeriod(d, 'en')}${d.dueDate ? `, by ${formatDate(d.dueDate, 'en')}` : ''}`,
        url: (d) => d.url,
      },
    },
  },
  'feedback.coach': {
    nl: {
      one: (d) => ({
        subject: staffSubject('feedback.coach', 'nl', d),
        greeting: `Beste ${d.coachName},`,
        paragraphs: [
          feedbackWhat(d, 'nl'),
          feedbackNext(d, 'nl'),
          `Wil je meer weten over het gesprek of bezoek? Neem contact op met ${d.officerName}.`,
        ],
        action: { label: 'Student openen', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('feedback.coach', 'nl', ...ds),
        intro: () => 'De verzuimbegeleider koppelt deze gesprekken en huisbezoeken aan je terug:',
        line: (d) => `${feedbackWhat(d, 'nl')} ${feedbackNext(d, 'nl')}`,
        url: (d) => d.url,
      },
    },
    en: {
      one: (d) => ({
        subject: staffSubject('feedback.coach', 'en', d),
        greeting: `Dear ${d.coachName},`,
        paragraphs: [
          feedbackWhat(d, 'en'),
          feedbackNext(d, 'en'),
          `Would you like to know more? Please contact ${d.officerName}.`,
        ],
        action: { label: 'Open the student', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('feedback.coach', 'en', ...ds),
        intro: () => 'The attendance officer reports back on these conversations and home visits:',
        line: (d) => `${feedbackWhat(d, 'en')} ${feedbackNext(d, 'en')}`,
        url: (d) => d.url,
      },
    },
  },
  'deadline.reminder': deadlineReminder,
};

/** What happened, with its date: the first paragraph of the coach's feedback. */
function feedbackWhat(d: TemplateData['feedback.coach'], locale: Locale): string {
  const on = formatDate(d.date, locale);
  const nl: Record<FeedbackOutcome, string> = {
    held: `De verzuimbegeleider ${d.officerName} heeft op ${on} een gesprek gevoerd met ${d.studentName}.`,
    no_show: `${d.studentName} is op ${on} niet verschenen op het gesprek met de verzuimbegeleider ${d.officerName}.`,
    visited: `De verzuimbegeleider ${d.officerName} heeft op ${on} een huisbezoek afgelegd bij ${d.studentName}.`,
    nobody_home: `De verzuimbegeleider ${d.officerName} is op ${on} op huisbezoek geweest bij ${d.studentName}, maar heeft niemand thuis getroffen.`,
  };
  const en: Record<FeedbackOutcome, string> = {
    held: `The attendance officer ${d.officerName} held a conversation with ${d.studentName} on ${on}.`,
    no_show: `${d.studentName} did not come to the conversation with the attendance officer ${d.officerName} on ${on}.`,
    visited: `The attendance officer ${d.officerName} made a home visit to ${d.studentName} on ${on}.`,
    nobody_home: `The attendance officer ${d.officerName} visited ${d.studentName}'s home on ${on}, but found nobody at home.`,
  };
  return (locale === 'nl' ? nl : en)[d.outcome];
}

/** What comes next: the follow-up conversation and the weeks of following, or the visit's close. */
function feedbackNext(d: TemplateData['feedback.coach'], locale: Locale): string {
  if (d.flow === 'officer_conversation' && d.followUpOn && d.from && d.to) {
    return locale === 'nl'
      ? `Volgende stap: een vervolggesprek op ${formatDate(d.followUpOn, 'nl')}. De verzuimbegeleider volgt de aanwezigheid van ${d.studentName} ${formatPeriod(d.from, d.to, 'nl')}.`
      : `Next step: a follow-up conversation on ${formatDate(d.followUpOn, 'en')}. The attendance officer follows ${d.studentName}'s attendance ${formatPeriod(d.from, d.to, 'en')}.`;
  }
  if (d.outcome === 'nobody_home') {
    return locale === 'nl'
      ? 'Volgende stap: de verzuimbegeleider neemt contact met je op over hoe verder; de zaak wordt daarna afgesloten.'
      : 'Next step: the attendance officer contacts you about what to do next; the case is then closed.';
  }
  return locale === 'nl'
    ? 'Volgende stap: de verzuimbegeleider sluit de zaak af.'
    : 'Next step: the attendance officer closes the case.';
}
/** The coach's next step after a 4-week signal: nothing yet, and whom to turn to meanwhile. */
const SIGNAL4W_NEXT: Record<Locale, string> = {
  nl: 'Je hoeft nu zelf niets te doen. Weet je iets wat de verzuimbegeleider moet weten? Neem dan zelf contact op met de verzuimbegeleider.',
  en: 'There is nothing you need to do now. If you know something the attendance officer should know, contact the attendance officer yourself.',
};

/** The officer's next step on a due step: the task holds the step's form, and records it. */
const STEP_NEXT: Record<Locale, string> = {
  nl: 'Open de taak, voer de stap uit en leg die vast in de taak.',
  en: 'Open the task, carry out the step and record it in the task.',
};

/** After a case closes the coach has nothing left to do; the officer answers questions. */
const CLOSED_NEXT: Record<Locale, string> = {
  nl: 'Je hoeft niets meer te doen. Vragen over de afhandeling? Neem contact op met de verzuimbegeleider.',
  en: 'No action is needed from you. Questions about how it was handled? Contact the attendance officer.',
};

/** A case's words (flow, step, outcome) from shared/i18n, in the mail's language. */
const caseWord = (locale: Locale, key: string, fallback: string): string =>
  translateOr(locale, key, fallback);

function closedParagraphs(d: TemplateData['case.closed.coach'], locale: Locale): string[] {
  const flow = caseWord(locale, `flow.${d.flow}`, d.flow);
  const outcome = caseWord(locale, `outcome.${d.outcome}`, d.outcome);
  const nl = locale === 'nl';
  return [
    nl
      ? `De verzuimbegeleider heeft de ${flow} van ${d.studentName} (${formatPeriod(d.from, d.to, 'nl')}) afgerond: ${outcome}.`
      : `The attendance officer has closed the ${flow} of ${d.studentName} (${formatPeriod(d.from, d.to, 'en')}): ${outcome}.`,
    ...(d.reason ? [nl ? `Toelichting: ${d.reason}` : `Note: ${d.reason}`] : []),
    ...(d.duo
      ? [
          nl
            ? `De student is gemeld bij DUO; DUO geeft de melding door aan ${d.duo === 'LPA' ? 'de leerplichtambtenaar' : 'de RMC-consulent'}.`
            : `The student has been reported to DUO, which passes the report on to ${d.duo === 'LPA' ? 'the compulsory education officer (LPA)' : 'the RMC'}.`,
        ]
      : []),
    ...(d.duo && d.adult
      ? [
          nl
            ? 'De student is 18 of ouder: DUO kan de studiefinanciering en het studentenreisproduct stopzetten of terugvorderen.'
            : 'The student is 18 or older: DUO may stop or reclaim student finance and the student travel product.',
        ]
      : []),
    CLOSED_NEXT[locale],
  ];
}

const caseTemplates: Pick<Templates, 'step.due' | 'case.closed.coach'> = {
  'step.due': {
    nl: {
      one: (d) => ({
        subject: staffSubject('step.due', 'nl', d),
        greeting: `Beste ${d.assigneeName},`,
        paragraphs: [
          `Vandaag (${formatDate(d.date, 'nl')}) is deze stap van de ${caseWord('nl', `flow.${d.flow}`, d.flow)} van ${d.studentName}${taskPeriod(d, 'nl')} aan de beurt: ${caseWord('nl', `step.${d.flow}.${d.step}`, d.step)}.`,
          STEP_NEXT.nl,
        ],
        action: { label: 'Taak openen', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('step.due', 'nl', ...ds),
        intro: (ds) =>
          `Vandaag (${formatDate(ds[0]?.date ?? '', 'nl')}) zijn deze stappen aan de beurt. ${STEP_NEXT.nl}`,
        line: (d) =>
          `${d.studentName}${taskPeriod(d, 'nl')}: ${caseWord('nl', `step.${d.flow}.${d.step}`, d.step)} (${caseWord('nl', `flow.${d.flow}`, d.flow)})`,
        url: (d) => d.url,
      },
    },
    en: {
      one: (d) => ({
        subject: staffSubject('step.due', 'en', d),
        greeting: `Dear ${d.assigneeName},`,
        paragraphs: [
          `Today (${formatDate(d.date, 'en')}) this step of the ${caseWord('en', `flow.${d.flow}`, d.flow)} of ${d.studentName}${taskPeriod(d, 'en')} is due: ${caseWord('en', `step.${d.flow}.${d.step}`, d.step)}.`,
          STEP_NEXT.en,
        ],
        action: { label: 'Open the task', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('step.due', 'en', ...ds),
        intro: (ds) => `Today (${formatDate(ds[0]?.date ?? '', 'en')}) these steps are due. ${STEP_NEXT.en}`,
        line: (d) =>
          `${d.studentName}${taskPeriod(d, 'en')}: ${caseWord('en', `step.${d.flow}.${d.step}`, d.step)} (${caseWord('en', `flow.${d.flow}`, d.flow)})`,
        url: (d) => d.url,
      },
    },
  },
  'case.closed.coach': {
    nl: {
      one: (d) => ({
        subject: staffSubject('case.closed.coach', 'nl', d),
        greeting: `Beste ${d.coachName},`,
        paragraphs: closedParagraphs(d, 'nl'),
        action: { label: 'Student openen', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('case.closed.coach', 'nl', ...ds),
        intro: () => `De verzuimbegeleider heeft deze zaken afgerond. ${CLOSED_NEXT.nl}`,
        line: (d) =>
          `${d.studentName} (${formatPeriod(d.from, d.to, 'nl')}): ${caseWord('nl', `outcome.${d.outcome}`, d.outcome)}`,
        url: (d) => d.url,
      },
    },
    en: {
      one: (d) => ({
        subject: staffSubject('case.closed.coach', 'en', d),
        greeting: `Dear ${d.coachName},`,
        paragraphs: closedParagraphs(d, 'en'),
        action: { label: 'Open the student', url: d.url },
      }),
      many: {
        subject: (ds) => staffSubject('case.closed.coach', 'en', ...ds),
        intro: () => `The attendance officer has closed these cases. ${CLOSED_NEXT.en}`,
        line: (d) =>
          `${d.studentName} (${formatPeriod(d.from, d.to, 'en')}): ${caseWord('en', `outcome.${d.outcome}`, d.outcome)}`,
        url: (d) => d.url,
      },
    },
  },
};

const ALL_TEMPLATES: Templates = { ...templates, ...caseTemplates };

function taskPeriod(d: { from?: string; to?: string }, locale: Locale): string {
  return d.from
    ? ` (${locale === 'nl' ? 'periode' : 'period'} ${formatPeriod(d.from, d.to ?? d.from, locale)})`
    : '';
}

export interface MailRequest<T extends TemplateId = TemplateId> {
  id: string;
  template: T;
  to: string[];
  locale?: Locale;
  data: TemplateData[T];
  /** The other things of a combined mail: same reader, same kind, one run (listed with `data`). */
  also?: TemplateData[T][];
  /** The students the mail is about: a mail about students who have all left is not sent. */
  studentIds?: string[];
}

/** Renders a mail request into the exact message the outbox will keep and send. */
export function renderMail<T extends TemplateId>(request: MailRequest<T>): OutgoingMail {
  const locale = request.locale ?? 'nl';
  const variant = ALL_TEMPLATES[request.template][locale] as Variant<TemplateData[T]>;
  // Every value a template interpolates is one clean line: no control characters, line breaks
  // or bidirectional overrides from a name or any other data.
  const all = [request.data, ...(request.also ?? [])].map(plainData);
  const first = all[0] as TemplateData[T];
  let content: MailContent;
  if (all.length === 1) content = variant.one(first);
  else {
    content = {
      subject: variant.many.subject(all),
      greeting: variant.one(first).greeting,
      paragraphs: [variant.many.intro(all)],
      list: all.map((d) => ({
        text: variant.many.line(d),
        ...(variant.many.url ? { url: variant.many.url(d) } : {}),
      })),
    };
  }
  return {
    id: request.id,
    kind: TEMPLATE_KIND[request.template],
    to: request.to,
    ...(request.studentIds?.length ? { studentIds: [...new Set(request.studentIds)].sort() } : {}),
    ...layout(content, locale),
  };
}
