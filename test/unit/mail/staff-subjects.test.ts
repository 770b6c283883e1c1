import { describe, expect, it } from 'vitest';
import {
  type MailRequest,
  POLICY_NAMED_SUBJECTS,
  renderMail,
  STAFF_TEMPLATES,
  type TemplateData,
} from '../../../functions/mail/templates';

const period = { from: '2026-09-07', to: '2026-09-11' };
const url = 'https://presentie.school.example/#/x';
const data = (studentName: string): { [T in (typeof STAFF_TEMPLATES)[number]]: TemplateData[T] } => ({
  'report16.coach': {
    coachName: 'M. Jansen',
    studentName,
    minutes: 965,
    dueDate: '2026-10-01',
    url,
    ...period,
  },
  'withdrawn.coach': { coachName: 'M. Jansen', studentName, url, ...period },
  'routex.coach': {
    coachName: 'M. Jansen',
    studentName,
    minutes: 480,
    dueDate: '2026-10-01',
    url,
    ...period,
  },
  'routex.withdrawn.coach': { coachName: 'M. Jansen', studentName, url, ...period },
  // A reminder names no student: its subject names the unit where the others name the student.
  'reminder.coach': {
    coachName: 'M. Jansen',
    managerName: 'I. de Wit',
    unitName: studentName,
    open: 3,
    overdue: 1,
    date: '2026-09-11',
    url,
  },
  'signal4w.officer': { officerName: 'S. Bakker', studentName, coachName: 'M. Jansen', url, ...period },
  'signal4w.coach': { coachName: 'M. Jansen', studentName, ...period },
  'sick.coach': { coachName: 'M. Jansen', studentName, url, ...period },
  'frequent.coach': { coachName: 'M. Jansen', studentName, url, ...period },
  'outflow.coach': { coachName: 'M. Jansen', studentName, date: '2026-11-02', counsellor: true, url },
  'task.assignee': { assigneeName: 'S. Bakker', studentName, task: 'sick_pattern', url, ...period },
  'feedback.coach': {
    coachName: 'M. Jansen',
    officerName: 'S. Bakker',
    studentName,
    flow: 'home_visit',
    outcome: 'visited',
    date: '2026-09-10',
    url,
  },
  'step.due': {
    assigneeName: 'S. Bakker',
    studentName,
    flow: 'four_week',
    step: 'follow',
    date: '2026-10-01',
    url,
  },
  'case.closed.coach': {
    coachName: 'M. Jansen',
    studentName,
    flow: 'four_week',
    outcome: 'duo_report',
    ...period,
    duo: 'LPA',
    url,
  },
  'deadline.reminder': {
    readerName: 'S. Bakker',
    studentName,
    term: 'duo',
    dueDate: '2026-09-18',
    url,
    ...period,
  },
});

/** Words in a mailbox preview that would tell what the concern is (absence, sickness, the signals, DUO, leaving). */
const REVEALING = [
  'verzuim',
  'absen',
  'afwezig',
  'ziek',
  'sick',
  'patroon',
  'pattern',
  'signaal',
  'signal',
  'wekensignaal',
  '16-uur',
  '16-hour',
  'uur',
  'hour',
  'melding',
  'report',
  'duo',
  'leerplicht',
  'startkwalificatie',
  'qualification',
  'uitstroom',
  'vsv',
];

function subject(template: (typeof STAFF_TEMPLATES)[number], locale: 'nl' | 'en', count: number): string {
  const [first, ...rest] = ['Sanne de Boer', 'Tim Ates', 'Noor Vos']
    .slice(0, count)
    .map((n) => data(n)[template]);
  return renderMail({
    id: 'm',
    template,
    to: ['x@school.example'],
    locale,
    data: first,
    also: rest,
  } as MailRequest).subject;
}

const POLICY_NAMES: Record<(typeof POLICY_NAMED_SUBJECTS)[number], RegExp> = {
  'report16.coach': /^(3 )?(16-uursmelding(en)?|16-hour reports?)$/,
  'withdrawn.coach': /^(16-uursmelding(en)? ingetrokken|16-hour reports? withdrawn)$/,
  'signal4w.officer': /^(3 )?(4-wekensignaal|4-wekensignalen|4-week signals?)$/,
};
const isPolicyNamed = (t: (typeof STAFF_TEMPLATES)[number]): boolean =>
  (POLICY_NAMED_SUBJECTS as readonly string[]).includes(t);

describe('subjects of mails to staff', () => {
  const neutral = STAFF_TEMPLATES.filter((t) => !isPolicyNamed(t));
  const cases = neutral.flatMap(
    (t) =>
      [
        [t, 'nl', 1],
        [t, 'en', 1],
        [t, 'nl', 3],
        [t, 'en', 3],
      ] as const,
  );

  it.each(cases)('%s (%s, %i thing(s)) names no kind of concern', (template, locale, count) => {
    const s = subject(template, locale, count).toLowerCase();
    for (const word of REVEALING) expect(s, `"${s}" contains "${word}"`).not.toContain(word);
  });

  it.each(POLICY_NAMED_SUBJECTS)("%s carries only the policy's own name before whom it is about", (t) => {
    for (const locale of ['nl', 'en'] as const) {
      for (const count of [1, 3]) {
        const [label, who] = subject(t, locale, count).split(': ');
        expect(label).toMatch(POLICY_NAMES[t]);
        expect(who).toBe(['Sanne de Boer', 'Tim Ates', 'Noor Vos'].slice(0, count).join(', '));
      }
    }
  });

  it.each(neutral)('%s says the same in Dutch and English: what is asked, then whom it is about', (t) => {
    expect(subject(t, 'nl', 1)).toMatch(/^[^:]+: Sanne de Boer$/);
    expect(subject(t, 'en', 1)).toMatch(/^[^:]+: Sanne de Boer$/);
    expect(subject(t, 'nl', 3)).toMatch(/^[^:]+ \(3\): Sanne de Boer, Tim Ates, Noor Vos$/);
    expect(subject(t, 'en', 3)).toMatch(/^[^:]+ \(3\): Sanne de Boer, Tim Ates, Noor Vos$/);
  });

  it('names the 16-hour report to the coach as the policy does, in Dutch first', () => {
    expect(subject('report16.coach', 'nl', 1)).toBe('16-uursmelding: Sanne de Boer');
    expect(subject('report16.coach', 'en', 1)).toBe('16-hour report: Sanne de Boer');
    expect(subject('report16.coach', 'nl', 3)).toBe('3 16-uursmeldingen: Sanne de Boer, Tim Ates, Noor Vos');
  });

  it('asks a coach for a conversation about a pattern without naming sickness', () => {
    expect(subject('sick.coach', 'nl', 1)).toBe('Gesprek gevraagd: Sanne de Boer');
  });
});
