import { type MailRequest, renderMail, type TemplateData, type TemplateId } from '../../mail/templates';

const url = 'https://presentie.example/#/';

/** Sample data for every template, so the administrator sees each mail as it goes out. */
const SAMPLES: { [K in TemplateId]: TemplateData[K] } = {
  'signal8.student': { studentName: 'Sanne de Vries', minutes: 480, from: '2026-10-05', to: '2026-10-09' },
  'signal8.guardian': { guardianOf: 'Sanne de Vries', minutes: 480, from: '2026-10-05', to: '2026-10-09' },
  'report16.coach': {
    coachName: 'Mark Janssen',
    studentName: 'Sanne de Vries',
    minutes: 965,
    from: '2026-10-05',
    to: '2026-10-29',
    dueDate: '2026-11-05',
    url,
  },
  'signal4w.officer': {
    officerName: 'Fatima El Amrani',
    studentName: 'Sanne de Vries',
    coachName: 'Mark Janssen',
    from: '2026-10-05',
    to: '2026-11-06',
    url,
  },
  'signal4w.coach': {
    coachName: 'Mark Janssen',
    studentName: 'Sanne de Vries',
    from: '2026-10-05',
    to: '2026-11-06',
    url,
  },
  'sick.coach': {
    coachName: 'Mark Janssen',
    studentName: 'Sanne de Vries',
    from: '2026-10-05',
    to: '2026-10-09',
    url,
  },
  'frequent.student': { studentName: 'Sanne de Vries', from: '2026-10-05', to: '2026-10-09' },
  'frequent.coach': {
    coachName: 'Mark Janssen',
    studentName: 'Sanne de Vries',
    from: '2026-10-05',
    to: '2026-10-09',
    url,
  },
  'outflow.coach': {
    coachName: 'Mark Janssen',
    studentName: 'Sanne de Vries',
    date: '2026-11-02',
    counsellor: true,
    url,
  },
  'routex.coach': {
    coachName: 'Mark Janssen',
    studentName: 'Sanne de Vries',
    minutes: 480,
    from: '2026-10-05',
    to: '2026-10-29',
    dueDate: '2026-11-05',
    url,
  },
  'routex.withdrawn.coach': {
    coachName: 'Mark Janssen',
    studentName: 'Sanne de Vries',
    from: '2026-10-05',
    to: '2026-10-29',
    url,
  },
  'reminder.coach': {
    coachName: 'Mark Janssen',
    managerName: 'Ilse de Wit',
    unitName: 'Techniek A',
    open: 7,
    overdue: 2,
    date: '2026-11-20',
    url,
  },
  'withdrawn.coach': {
    coachName: 'Mark Janssen',
    studentName: 'Sanne de Vries',
    from: '2026-10-05',
    to: '2026-10-29',
    url,
  },
  'task.assignee': {
    assigneeName: 'Fatima El Amrani',
    studentName: 'Sanne de Vries',
    task: 'duo_report',
    from: '2026-10-05',
    to: '2026-10-29',
    dueDate: '2026-11-05',
    url,
  },
  'feedback.coach': {
    coachName: 'Mark Janssen',
    officerName: 'Fatima El Amrani',
    studentName: 'Sanne de Vries',
    flow: 'officer_conversation',
    outcome: 'held',
    date: '2026-11-02',
    from: '2026-11-02',
    to: '2026-11-30',
    followUpOn: '2026-11-16',
    url,
  },
  'step.due': {
    assigneeName: 'Fatima El Amrani',
    studentName: 'Sanne de Vries',
    flow: 'four_week',
    step: 'conversation',
    date: '2026-11-05',
    from: '2026-10-05',
    to: '2026-10-30',
    url,
  },
  'case.closed.coach': {
    coachName: 'Joost Bakker',
    studentName: 'Sanne de Vries',
    flow: 'four_week',
    outcome: 'duo_report',
    from: '2026-09-07',
    to: '2026-10-30',
    duo: 'RMC',
    adult: true,
    url,
  },
  'deadline.reminder': {
    readerName: 'Fatima El Amrani',
    studentName: 'Sanne de Vries',
    term: 'duo',
    from: '2026-10-05',
    to: '2026-10-29',
    dueDate: '2026-11-05',
    url,
  },
};

export function mailPreviews(): { id: string; lang: string; subject: string; text: string }[] {
  return (Object.keys(SAMPLES) as TemplateId[]).flatMap((template) =>
    (['nl', 'en'] as const).map((locale) => {
      const mail = renderMail({
        id: 'preview',
        template,
        to: ['preview@school.example'],
        locale,
        data: SAMPLES[template],
      } as MailRequest);
      return { id: template, lang: locale, subject: mail.subject, text: mail.text };
    }),
  );
}
