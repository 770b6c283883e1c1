import { formatDate, formatDuration } from './format';
import { layout, type MailContent } from './layout';
import type { Locale, MailKind } from './types';

/**
 * Every mail Presentie sends, Dutch first. The data types deliberately have no field for an
 * absence reason or any medical detail: what a mail cannot be given, it cannot leak. Details stay
 * on the dashboard, behind a login, where the reader has something to do.
 */
export interface TemplateData {
  /** `reportAtMinutes`: the student's threshold for the coach's report (960; less for Route-X). */
  'signal8.student': { studentName: string; minutes: number; reportAtMinutes?: number };
  'signal8.guardian': { guardianOf: string; minutes: number };
  'report16.coach': {
    coachName: string;
    studentName: string;
    minutes: number;
    from: string;
    to: string;
    dueDate: string;
    url: string;
  };
  'signal4w.officer': {
    officerName: string;
    studentName: string;
    coachName: string;
    from: string;
    url: string;
  };
  'signal4w.coach': { coachName: string; studentName: string; from: string };
  'sick.coach': { coachName: string; studentName: string; url: string };
  'frequent.student': { studentName: string };
  'frequent.coach': { coachName: string; studentName: string; url: string };
  'outflow.coach': { coachName: string; studentName: string; date: string; counsellor: boolean; url: string };
  'withdrawn.coach': { coachName: string; studentName: string; url: string };
  'task.assignee': {
    assigneeName: string;
    studentName: string;
    task: TaskLabel;
    dueDate?: string;
    url: string;
  };
}
export type TemplateId = keyof TemplateData;

export type TaskLabel =
  | 'duo_report'
  | 'correction'
  | 'officer_conversation'
  | 'officer_question'
  | 'conversation_reminder'
  | 'signal4w'
  | 'sick_pattern'
  | 'suspension_check';

const TASK_LABELS: Record<TaskLabel, Record<Locale, string>> = {
  duo_report: { nl: 'verzuimmelding aan DUO doen', en: 'submit an absence report to DUO' },
  correction: { nl: 'presentiegegevens corrigeren', en: 'correct the presence data' },
  officer_conversation: { nl: 'gesprek met de student voeren', en: 'hold a conversation with the student' },
  officer_question: { nl: 'vraag van de coach beantwoorden', en: "answer the coach's question" },
  conversation_reminder: {
    nl: 'herinnering: terugkoppeling gesprek aan de coach',
    en: 'reminder: report back to the coach on the conversation',
  },
  signal4w: { nl: '4-wekensignaal opvolgen', en: 'follow up a 4-week signal' },
  sick_pattern: {
    nl: 'verzuimpatroon bespreken met de coach',
    en: 'discuss an absence pattern with the coach',
  },
  suspension_check: {
    nl: 'controleer de registratie: schorsing langer dan 5 schooldagen',
    en: 'check the registration: suspension longer than 5 school days',
  },
};

export const TEMPLATE_KIND: Record<TemplateId, MailKind> = {
  'signal8.student': 'signal8',
  'signal8.guardian': 'signal8',
  'report16.coach': 'report16',
  'signal4w.officer': 'signal4w',
  'signal4w.coach': 'signal4w',
  'sick.coach': 'sick',
  'frequent.student': 'frequent',
  'frequent.coach': 'frequent',
  'outflow.coach': 'outflow',
  'withdrawn.coach': 'withdrawn',
  'task.assignee': 'task',
};

type Templates = { [T in TemplateId]: Record<Locale, (d: TemplateData[T]) => MailContent> };

const dashboard = { nl: 'Open in Presentie', en: 'Open in Presentie' };

const templates: Templates = {
  'signal8.student': {
    nl: (d) => ({
      subject: `Je hebt ${formatDuration(d.minutes, 'nl')} ongeoorloofd verzuim`,
      greeting: `Beste ${d.studentName},`,
      paragraphs: [
        `Volgens onze registratie ben je ${formatDuration(d.minutes, 'nl')} ongeoorloofd afwezig geweest in de afgelopen vier lesweken.`,
        `Klopt dit niet, of is er iets aan de hand? Neem dan deze week contact op met je coach. Bij ${formatDuration(d.reportAtMinutes ?? 960, 'nl')} ongeoorloofd verzuim krijgt je coach een melding, en kan de school verplicht zijn je te melden bij DUO.`,
      ],
    }),
    en: (d) => ({
      subject: `You have ${formatDuration(d.minutes, 'en')} of unauthorized absence`,
      greeting: `Dear ${d.studentName},`,
      paragraphs: [
        `According to our records you have been absent without authorization for ${formatDuration(d.minutes, 'en')} in the last four school weeks.`,
        `If this is not right, or if something is going on, please contact your coach this week. At ${formatDuration(d.reportAtMinutes ?? 960, 'en')} of unauthorized absence your coach is notified, and the school may be required to report you to DUO.`,
      ],
    }),
  },
  'signal8.guardian': {
    nl: (d) => ({
      subject: `Ongeoorloofd verzuim van ${d.guardianOf}`,
      greeting: 'Geachte ouder of verzorger,',
      paragraphs: [
        `Volgens onze registratie is ${d.guardianOf} ${formatDuration(d.minutes, 'nl')} ongeoorloofd afwezig geweest in de afgelopen vier lesweken.`,
        'Wilt u dit met uw kind bespreken? Bij vragen kunt u contact opnemen met de coach.',
      ],
    }),
    en: (d) => ({
      subject: `Unauthorized absence of ${d.guardianOf}`,
      greeting: 'Dear parent or guardian,',
      paragraphs: [
        `According to our records ${d.guardianOf} has been absent without authorization for ${formatDuration(d.minutes, 'en')} in the last four school weeks.`,
        'Please discuss this with your child. For questions, contact the coach.',
      ],
    }),
  },
  'report16.coach': {
    nl: (d) => ({
      subject: `16-uursmelding: ${d.studentName}`,
      greeting: `Beste ${d.coachName},`,
      paragraphs: [
        `${d.studentName} heeft ${formatDuration(d.minutes, 'nl')} ongeoorloofd verzuim binnen vier aaneengesloten lesweken (${formatDate(d.from, 'nl')} tot en met ${formatDate(d.to, 'nl')}).`,
        `De melding staat in de open lijst van je team. Kies een actie en licht die toe, uiterlijk ${formatDate(d.dueDate, 'nl')}.`,
      ],
      action: { label: 'Melding behandelen', url: d.url },
    }),
    en: (d) => ({
      subject: `16-hour report: ${d.studentName}`,
      greeting: `Dear ${d.coachName},`,
      paragraphs: [
        `${d.studentName} has ${formatDuration(d.minutes, 'en')} of unauthorized absence within four consecutive school weeks (${formatDate(d.from, 'en')} to ${formatDate(d.to, 'en')}).`,
        `The report is in your team's open list. Choose an action and explain it by ${formatDate(d.dueDate, 'en')}.`,
      ],
      action: { label: 'Handle the report', url: d.url },
    }),
  },
  'signal4w.officer': {
    nl: (d) => ({
      subject: `4-wekensignaal: ${d.studentName}`,
      greeting: `Beste ${d.officerName},`,
      paragraphs: [
        `${d.studentName} is sinds ${formatDate(d.from, 'nl')} vier aaneengesloten lesweken ongeoorloofd afwezig.`,
        `Stem af met de coach (${d.coachName}), nodig de student uit en volg hem of haar drie weken. Er staat een taak voor je klaar.`,
      ],
      action: { label: 'Taak openen', url: d.url },
    }),
    en: (d) => ({
      subject: `4-week signal: ${d.studentName}`,
      greeting: `Dear ${d.officerName},`,
      paragraphs: [
        `${d.studentName} has been absent without authorization for four consecutive school weeks since ${formatDate(d.from, 'en')}.`,
        `Check with the coach (${d.coachName}), invite the student and follow them for three weeks. A task is waiting for you.`,
      ],
      action: { label: 'Open the task', url: d.url },
    }),
  },
  'signal4w.coach': {
    nl: (d) => ({
      subject: `Ter informatie: 4-wekensignaal ${d.studentName}`,
      greeting: `Beste ${d.coachName},`,
      paragraphs: [
        `${d.studentName} is sinds ${formatDate(d.from, 'nl')} vier aaneengesloten lesweken ongeoorloofd afwezig. De verzuimbegeleider neemt contact met je op.`,
      ],
    }),
    en: (d) => ({
      subject: `For your information: 4-week signal ${d.studentName}`,
      greeting: `Dear ${d.coachName},`,
      paragraphs: [
        `${d.studentName} has been absent without authorization for four consecutive school weeks since ${formatDate(d.from, 'en')}. The attendance officer will contact you.`,
      ],
    }),
  },
  'sick.coach': {
    nl: (d) => ({
      subject: `Verzuimpatroon: ${d.studentName}`,
      greeting: `Beste ${d.coachName},`,
      paragraphs: [
        `Bij ${d.studentName} is een verzuimpatroon gesignaleerd dat om aandacht vraagt. De verzuimbegeleider krijgt een taak en neemt contact met je op.`,
        'De details staan op het dashboard.',
      ],
      action: { label: dashboard.nl, url: d.url },
    }),
    en: (d) => ({
      subject: `Absence pattern: ${d.studentName}`,
      greeting: `Dear ${d.coachName},`,
      paragraphs: [
        `An absence pattern that needs attention was noticed for ${d.studentName}. The attendance officer has been given a task and will contact you.`,
        'The details are on the dashboard.',
      ],
      action: { label: dashboard.en, url: d.url },
    }),
  },
  'frequent.student': {
    nl: (d) => ({
      subject: 'Je bent vaak afwezig',
      greeting: `Beste ${d.studentName},`,
      paragraphs: [
        'We zien dat je de laatste tijd vaak afwezig bent of te laat komt. Dat baart ons zorgen.',
        'Neem contact op met je coach, zodat jullie samen kunnen kijken wat er nodig is.',
      ],
    }),
    en: (d) => ({
      subject: 'You are often absent',
      greeting: `Dear ${d.studentName},`,
      paragraphs: [
        'We notice that you have often been absent or late lately. That worries us.',
        'Please contact your coach so that you can look together at what you need.',
      ],
    }),
  },
  'frequent.coach': {
    nl: (d) => ({
      subject: `Frequent verzuim: ${d.studentName}`,
      greeting: `Beste ${d.coachName},`,
      paragraphs: [
        `${d.studentName} is de laatste tijd vaak afwezig of te laat. De student heeft hierover ook een mail gekregen.`,
      ],
      action: { label: dashboard.nl, url: d.url },
    }),
    en: (d) => ({
      subject: `Frequent absence: ${d.studentName}`,
      greeting: `Dear ${d.coachName},`,
      paragraphs: [
        `${d.studentName} has often been absent or late lately. The student has received a mail about this as well.`,
      ],
      action: { label: dashboard.en, url: d.url },
    }),
  },
  'outflow.coach': {
    nl: (d) => ({
      subject: `Uitstroom zonder startkwalificatie: ${d.studentName}`,
      greeting: `Beste ${d.coachName},`,
      paragraphs: [
        `${d.studentName} is op ${formatDate(d.date, 'nl')} uitgeschreven, jonger dan 23 en zonder startkwalificatie.`,
        d.counsellor
          ? 'Betrek STS-B en de uitstroombegeleider bij de uitstroom.'
          : 'Betrek STS-B bij de uitstroom.',
      ],
      action: { label: 'Dossier openen', url: d.url },
    }),
    en: (d) => ({
      subject: `Leaving without a starting qualification: ${d.studentName}`,
      greeting: `Dear ${d.coachName},`,
      paragraphs: [
        `${d.studentName} left on ${formatDate(d.date, 'en')}, under 23 and without a starting qualification.`,
        d.counsellor ? 'Involve student services and the outflow counsellor.' : 'Involve student services.',
      ],
      action: { label: 'Open the case', url: d.url },
    }),
  },
  'withdrawn.coach': {
    nl: (d) => ({
      subject: `16-uursmelding ingetrokken: ${d.studentName}`,
      greeting: `Beste ${d.coachName},`,
      paragraphs: [
        `De 16-uursmelding van ${d.studentName} is ingetrokken: na correctie van de registraties is de urengrens niet meer bereikt. Je hoeft niets meer te doen.`,
      ],
      action: { label: dashboard.nl, url: d.url },
    }),
    en: (d) => ({
      subject: `16-hour report withdrawn: ${d.studentName}`,
      greeting: `Dear ${d.coachName},`,
      paragraphs: [
        `The 16-hour report of ${d.studentName} has been withdrawn: after the registrations were corrected, the hour threshold is no longer reached. No action is needed.`,
      ],
      action: { label: dashboard.en, url: d.url },
    }),
  },
  'task.assignee': {
    nl: (d) => ({
      subject: `Nieuwe taak: ${TASK_LABELS[d.task].nl} (${d.studentName})`,
      greeting: `Beste ${d.assigneeName},`,
      paragraphs: [
        `Er staat een taak voor je klaar: ${TASK_LABELS[d.task].nl} voor ${d.studentName}.`,
        ...(d.dueDate ? [`Graag afronden uiterlijk ${formatDate(d.dueDate, 'nl')}.`] : []),
      ],
      action: { label: 'Taak openen', url: d.url },
    }),
    en: (d) => ({
      subject: `New task: ${TASK_LABELS[d.task].en} (${d.studentName})`,
      greeting: `Dear ${d.assigneeName},`,
      paragraphs: [
        `A task is waiting for you: ${TASK_LABELS[d.task].en} for ${d.studentName}.`,
        ...(d.dueDate ? [`Please complete it by ${formatDate(d.dueDate, 'en')}.`] : []),
      ],
      action: { label: 'Open the task', url: d.url },
    }),
  },
};

export interface MailRequest<T extends TemplateId = TemplateId> {
  id: string;
  template: T;
  to: string[];
  locale?: Locale;
  data: TemplateData[T];
}

/** Renders a mail request into the exact message the outbox will keep and send. */
export function renderMail<T extends TemplateId>(request: MailRequest<T>) {
  const locale = request.locale ?? 'nl';
  const content = (templates[request.template][locale] as (d: TemplateData[T]) => MailContent)(request.data);
  return {
    id: request.id,
    kind: TEMPLATE_KIND[request.template],
    to: request.to,
    ...layout(content, locale),
  };
}
