import { describe, expect, it } from 'vitest';
import {
  type MailRequest,
  renderMail,
  STAFF_TEMPLATES,
  type StaffTemplate,
  type TemplateData,
} from '../../../functions/mail/templates';

/**
 * #13 "Mails": each mail to staff names the period it is about, the reader's next step (what,
 * by when, with whom) and links to the task or page itself.
 */
const url = 'https://presentie.school.example/#/taken/t-1';
const period = { from: '2026-09-07', to: '2026-09-11' };
const PERIOD = {
  nl: '7 september 2026 tot en met 11 september 2026',
  en: '7 September 2026 to 11 September 2026',
};

interface Case<T extends StaffTemplate> {
  data: TemplateData[T];
  /** What the text names as its period (or day), per language. */
  when: { nl: string; en: string };
  /** The reader's next step, per language. */
  next: { nl: RegExp; en: RegExp };
}

const CASES: { [T in StaffTemplate]: Case<T> } = {
  'report16.coach': {
    data: {
      coachName: 'M. Jansen',
      studentName: 'Sanne de Boer',
      minutes: 965,
      dueDate: '2026-10-01',
      url,
      ...period,
    },
    when: PERIOD,
    next: {
      nl: /Kies een actie en licht die toe, uiterlijk 1 oktober 2026/,
      en: /Choose an action and explain it by 1 October 2026/,
    },
  },
  'withdrawn.coach': {
    data: { coachName: 'M. Jansen', studentName: 'Sanne de Boer', url, ...period },
    when: PERIOD,
    next: { nl: /Je hoeft niets meer te doen/, en: /No action is needed/ },
  },
  'routex.coach': {
    data: {
      coachName: 'M. Jansen',
      studentName: 'Sanne de Boer',
      minutes: 480,
      dueDate: '2026-10-01',
      url,
      ...period,
    },
    when: PERIOD,
    next: {
      nl: /Kies een actie en licht die toe, uiterlijk 1 oktober 2026/,
      en: /Choose an action and explain it by 1 October 2026/,
    },
  },
  'routex.withdrawn.coach': {
    data: { coachName: 'M. Jansen', studentName: 'Sanne de Boer', url, ...period },
    when: PERIOD,
    next: { nl: /Je hoeft niets meer te doen/, en: /No action is needed/ },
  },
  'reminder.coach': {
    data: {
      coachName: 'M. Jansen',
      managerName: 'I. de Wit',
      unitName: 'Zorg B',
      open: 3,
      overdue: 1,
      date: '2026-09-11',
      url,
    },
    when: { nl: '11 september 2026', en: '11 September 2026' },
    next: {
      nl: /Kies per melding een actie en licht die toe, uiterlijk op de datum die bij de melding staat\. Vragen\? Neem contact op met I\. de Wit/,
      en: /choose an action and explain it by the date the report shows\. Questions\? Contact I\. de Wit/,
    },
  },
  'signal4w.officer': {
    data: { officerName: 'S. Bakker', studentName: 'Sanne de Boer', coachName: 'M. Jansen', url, ...period },
    when: PERIOD,
    next: {
      nl: /Stem af met de coach \(M\. Jansen\), nodig de student uit/,
      en: /Check with the coach \(M\. Jansen\), invite the student/,
    },
  },
  'signal4w.coach': {
    data: { coachName: 'M. Jansen', studentName: 'Sanne de Boer', url, ...period },
    when: PERIOD,
    next: {
      nl: /Je hoeft nu zelf niets te doen\. .*contact op met de verzuimbegeleider/,
      en: /nothing you need to do now\. .*contact the attendance officer/,
    },
  },
  'sick.coach': {
    data: { coachName: 'M. Jansen', studentName: 'Sanne de Boer', url, ...period },
    when: PERIOD,
    next: {
      nl: /neemt contact met je op\.\s+Je hoeft tot dan zelf niets te doen/,
      en: /will contact you\.\s+Until then there is nothing you need to do/,
    },
  },
  'frequent.coach': {
    data: { coachName: 'M. Jansen', studentName: 'Sanne de Boer', url, ...period },
    when: PERIOD,
    next: { nl: /Bespreek het deze week met de student/, en: /Discuss it with the student this week/ },
  },
  'outflow.coach': {
    data: {
      coachName: 'M. Jansen',
      studentName: 'Sanne de Boer',
      date: '2026-11-02',
      counsellor: false,
      url,
    },
    when: { nl: '2 november 2026', en: '2 November 2026' },
    next: {
      nl: /maak ook de RMC-melding[\s\S]*Betrek STS-B/,
      en: /make the RMC report too[\s\S]*Involve student services/,
    },
  },
  'task.assignee': {
    data: { assigneeName: 'S. Bakker', studentName: 'Sanne de Boer', task: 'correction', url, ...period },
    when: PERIOD,
    next: { nl: /Open de taak om te beginnen/, en: /Open the task to start/ },
  },
  'feedback.coach': {
    data: {
      coachName: 'M. Jansen',
      officerName: 'S. Bakker',
      studentName: 'Sanne de Boer',
      flow: 'officer_conversation',
      outcome: 'held',
      date: '2026-09-14',
      from: '2026-09-14',
      to: '2026-10-09',
      followUpOn: '2026-09-28',
      url,
    },
    when: { nl: '14 september 2026 tot en met 9 oktober 2026', en: '14 September 2026 to 9 October 2026' },
    next: {
      nl: /Volgende stap: een vervolggesprek op 28 september 2026[\s\S]*Neem contact op met S\. Bakker/,
      en: /Next step: a follow-up conversation on 28 September 2026[\s\S]*contact S\. Bakker/,
    },
  },
  'step.due': {
    data: {
      assigneeName: 'S. Bakker',
      studentName: 'Sanne de Boer',
      flow: 'four_week',
      step: 'conversation',
      date: '2026-09-16',
      url,
      ...period,
    },
    when: PERIOD,
    next: {
      nl: /Vandaag \(16 september 2026\)[\s\S]*Open de taak, voer de stap uit/,
      en: /Today \(16 September 2026\)[\s\S]*Open the task, carry out the step/,
    },
  },
  'case.closed.coach': {
    data: {
      coachName: 'M. Jansen',
      studentName: 'Sanne de Boer',
      flow: 'four_week',
      outcome: 'resolved',
      url,
      ...period,
    },
    when: PERIOD,
    next: {
      nl: /Je hoeft niets meer te doen\. Vragen over de afhandeling\? Neem contact op met de verzuimbegeleider/,
      en: /No action is needed from you\. .*Contact the attendance officer/,
    },
  },
  'deadline.reminder': {
    data: {
      readerName: 'S. Bakker',
      studentName: 'Sanne de Boer',
      term: 'report',
      dueDate: '2026-09-18',
      url,
      ...period,
    },
    when: PERIOD,
    next: {
      nl: /Uiterlijk 18 september 2026 kies je een actie/,
      en: /By 18 September 2026 choose an action/,
    },
  },
};

const render = (template: StaffTemplate, locale: 'nl' | 'en', also = false) =>
  renderMail({
    id: 'm',
    template,
    to: ['x@school.example'],
    locale,
    data: CASES[template].data,
    ...(also ? { also: [{ ...CASES[template].data, studentName: 'Tim Ates' }] } : {}),
  } as MailRequest);

describe('every mail to staff names its period and the next step, with a link to the thing itself', () => {
  it('covers every staff template', () => {
    expect(Object.keys(CASES).sort()).toEqual([...STAFF_TEMPLATES].sort());
  });

  it.each(STAFF_TEMPLATES.flatMap((t) => [[t, 'nl'] as const, [t, 'en'] as const]))(
    '%s (%s)',
    (t, locale) => {
      const { text } = render(t, locale);
      expect(text).toContain(CASES[t].when[locale]);
      expect(text).toMatch(CASES[t].next[locale]);
      expect(text).toContain(url);
    },
  );
});

describe('a combined staff mail keeps each line its period and the whole its next step', () => {
  const combined = [
    'reminder.coach',
    'signal4w.coach',
    'step.due',
    'case.closed.coach',
    'task.assignee',
  ] as const satisfies readonly StaffTemplate[];
  const NEXT_MANY: Record<(typeof combined)[number], { nl: RegExp; en: RegExp }> = {
    'reminder.coach': {
      nl: /uiterlijk op de datum die bij de melding staat/,
      en: /by the date the report shows/,
    },
    'signal4w.coach': { nl: /Je hoeft nu zelf niets te doen/, en: /nothing you need to do now/ },
    'step.due': { nl: /Open de taak, voer de stap uit/, en: /Open the task, carry out the step/ },
    'case.closed.coach': { nl: /Je hoeft niets meer te doen/, en: /No action is needed from you/ },
    'task.assignee': { nl: /Open elke taak om te beginnen/, en: /Open each task to start/ },
  };
  it.each(combined.flatMap((t) => [[t, 'nl'] as const, [t, 'en'] as const]))('%s (%s)', (t, locale) => {
    const { text } = render(t, locale, true);
    expect(text).toContain(CASES[t].when[locale]);
    expect(text).toMatch(NEXT_MANY[t][locale]);
    expect(text).toContain(url);
  });
});
