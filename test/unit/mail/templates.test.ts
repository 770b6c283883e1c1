import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../functions/mail/format';
import {
  type MailRequest,
  renderMail,
  TEMPLATE_KIND,
  type TemplateId,
} from '../../../functions/mail/templates';
import { MAIL_KINDS } from '../../../functions/mail/types';
import { REASONS } from '../../../shared/policy/types';

const url = 'https://presentie.school.example/#/meldingen/s1.2026-09-07';
const samples: { [T in TemplateId]: MailRequest<T>['data'] } = {
  'signal8.student': { studentName: 'Sanne de Boer', minutes: 485, from: '2026-09-07', to: '2026-09-11' },
  'signal8.guardian': { guardianOf: 'Sanne de Boer', minutes: 485, from: '2026-09-07', to: '2026-09-11' },
  'report16.coach': {
    coachName: 'M. Jansen',
    studentName: 'Sanne de Boer',
    minutes: 965,
    from: '2026-09-07',
    to: '2026-09-24',
    dueDate: '2026-10-01',
    url,
  },
  'routex.coach': {
    coachName: 'M. Jansen',
    studentName: 'Sanne de Boer',
    minutes: 485,
    from: '2026-09-07',
    to: '2026-09-24',
    dueDate: '2026-10-01',
    url,
  },
  // Names no student: the coach's name stands where the other samples name the student.
  'reminder.coach': {
    coachName: 'Sanne de Boer',
    managerName: 'I. de Wit',
    unitName: 'Techniek A',
    open: 3,
    overdue: 1,
    date: '2026-11-20',
    url,
  },
  'routex.withdrawn.coach': {
    coachName: 'M. Jansen',
    studentName: 'Sanne de Boer',
    from: '2026-09-07',
    to: '2026-09-24',
    url,
  },
  'signal4w.officer': {
    officerName: 'S. Bakker',
    studentName: 'Sanne de Boer',
    coachName: 'M. Jansen',
    from: '2026-09-07',
    to: '2026-10-09',
    url,
  },
  'signal4w.coach': {
    coachName: 'M. Jansen',
    studentName: 'Sanne de Boer',
    from: '2026-09-07',
    to: '2026-10-09',
  },
  'sick.coach': {
    coachName: 'M. Jansen',
    studentName: 'Sanne de Boer',
    from: '2026-09-07',
    to: '2026-09-11',
    url,
  },
  'frequent.student': { studentName: 'Sanne de Boer', from: '2026-09-07', to: '2026-09-11' },
  'frequent.coach': {
    coachName: 'M. Jansen',
    studentName: 'Sanne de Boer',
    from: '2026-09-07',
    to: '2026-09-11',
    url,
  },
  'outflow.coach': {
    coachName: 'M. Jansen',
    studentName: 'Sanne de Boer',
    date: '2026-11-02',
    counsellor: true,
    url,
  },
  'withdrawn.coach': {
    coachName: 'M. Jansen',
    studentName: 'Sanne de Boer',
    from: '2026-09-07',
    to: '2026-09-11',
    url,
  },
  'task.assignee': {
    assigneeName: 'S. Bakker',
    studentName: 'Sanne de Boer',
    task: 'sick_pattern',
    from: '2026-09-07',
    to: '2026-09-11',
    url,
  },
  'feedback.coach': {
    coachName: 'M. Jansen',
    officerName: 'S. Bakker',
    studentName: 'Sanne de Boer',
    flow: 'officer_conversation',
    outcome: 'held',
    date: '2026-09-28',
    from: '2026-09-28',
    to: '2026-10-30',
    followUpOn: '2026-10-12',
    url,
  },
  'step.due': {
    assigneeName: 'S. Bakker',
    studentName: 'Sanne de Boer',
    flow: 'four_week',
    step: 'conversation',
    date: '2026-09-14',
    url,
  },
  'case.closed.coach': {
    coachName: 'M. Jansen',
    studentName: 'Sanne de Boer',
    flow: 'four_week',
    outcome: 'closed',
    from: '2026-09-07',
    to: '2026-10-30',
    reason: 'Student is weer op school.',
    url,
  },
  'deadline.reminder': {
    readerName: 'M. Jansen',
    studentName: 'Sanne de Boer',
    term: 'report',
    from: '2026-09-07',
    to: '2026-09-11',
    dueDate: '2026-09-15',
    url,
  },
};
const ids = Object.keys(samples) as TemplateId[];

function render(template: TemplateId, locale: 'nl' | 'en') {
  return renderMail({
    id: 'm1',
    template,
    to: ['x@school.example'],
    locale,
    data: samples[template],
  } as MailRequest);
}

/** Words that would reveal why a student was absent, in both languages. */
const REVEALING = [
  ...REASONS.filter((r) => r !== 'unknown').map((r) => r.replaceAll('_', ' ')),
  ...REASONS.filter((r) => r !== 'unknown'),
  'ziek',
  'sick',
  'spijbel',
  'medisch',
  'medical',
  'arts',
  'doctor',
  'zwanger',
  'pregnan',
  'schorsing',
  'suspen',
  'verlof',
  'rijles',
  'opticien',
];

describe('mail templates', () => {
  it.each(ids.flatMap((id) => [[id, 'nl'] as const, [id, 'en'] as const]))(
    '%s (%s) has a subject, a text and an HTML body',
    (id, locale) => {
      const mail = render(id, locale);
      expect(mail.subject.length).toBeGreaterThan(5);
      expect(mail.text).toContain('Sanne de Boer');
      expect(mail.html).toContain('Sanne de Boer');
      expect(mail.html).toMatch(/^<!doctype html>/);
      expect(mail.html).toContain(`lang="${locale}"`);
      expect(mail.kind).toBe(TEMPLATE_KIND[id]);
    },
  );

  it('speaks Dutch unless asked for English', () => {
    const mail = renderMail({
      id: 'm',
      template: 'signal8.student',
      to: ['a@b.nl'],
      data: samples['signal8.student'],
    });
    expect(mail.subject).toBe('Je hebt 8 uur en 5 minuten ongeoorloofd verzuim');
    expect(render('signal8.student', 'en').subject).toBe(
      'You have 8 hours and 5 minutes of unauthorized absence',
    );
  });

  it.each(ids.flatMap((id) => [[id, 'nl'] as const, [id, 'en'] as const]))(
    '%s (%s) names no absence reason or medical detail',
    (id, locale) => {
      const mail = render(id, locale);
      const bodies = `${mail.subject}\n${mail.text}\n${mail.html}`.toLowerCase();
      for (const word of REVEALING) expect(bodies, `contains "${word}"`).not.toContain(word.toLowerCase());
    },
  );

  it('links the coach to the report on the dashboard, in text and HTML', () => {
    const mail = render('report16.coach', 'nl');
    expect(mail.text).toContain(url);
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.text).toContain('16 uur en 5 minuten');
    expect(mail.text).toContain('1 oktober 2026');
  });

  it('tells the student the hours so far and their own threshold (Route-X reports earlier)', () => {
    const routeX = renderMail({
      id: 'm',
      template: 'signal8.student',
      to: ['a@b.nl'],
      data: {
        studentName: 'Sanne',
        minutes: 245,
        reportAtMinutes: 480,
        from: '2026-09-07',
        to: '2026-09-11',
      },
    });
    expect(routeX.subject).toBe('Je hebt 4 uur en 5 minuten ongeoorloofd verzuim');
    expect(routeX.text).toContain('Bij 8 uur ongeoorloofd verzuim krijgt je coach een melding');
    expect(render('signal8.student', 'nl').text).toContain('Bij 16 uur ongeoorloofd verzuim');
  });

  it('does not link a student to a dashboard they cannot use', () => {
    expect(render('signal8.student', 'nl').text).not.toContain('http');
  });

  it('escapes names in the HTML body', () => {
    const mail = renderMail({
      id: 'm',
      template: 'frequent.student',
      to: ['a@b.nl'],
      data: { studentName: '<script>alert(1)</script> & Co', from: '2026-09-07', to: '2026-09-11' },
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(mail.text).toContain('<script>alert(1)</script> & Co');
  });

  it('asks for the outflow counsellor only for Entree and level 2 (by the flag)', () => {
    const withCounsellor = render('outflow.coach', 'nl').text;
    const without = renderMail({
      id: 'm',
      template: 'outflow.coach',
      to: ['a@b.nl'],
      data: { ...samples['outflow.coach'], counsellor: false },
    }).text;
    expect(withCounsellor).toContain('uitstroombegeleider');
    expect(without).not.toContain('uitstroombegeleider');
  });

  it('tags every template with one of the agreed SES kinds', () => {
    expect(new Set(Object.values(TEMPLATE_KIND))).toEqual(new Set(MAIL_KINDS));
  });
});

describe("the coach's feedback on the officer's conversation or home visit (terugkoppeling coach)", () => {
  const feedback = (data: Partial<MailRequest<'feedback.coach'>['data']>, locale: 'nl' | 'en' = 'nl') =>
    renderMail({
      id: 'f',
      template: 'feedback.coach',
      to: ['c@school.example'],
      locale,
      data: { ...samples['feedback.coach'], ...data },
    });

  it('tells the conversation, its day, the follow-up as the next step and the weeks followed', () => {
    const mail = feedback({});
    expect(mail.subject).toBe('Terugkoppeling: Sanne de Boer');
    expect(mail.text).toContain(
      'De verzuimbegeleider S. Bakker heeft op 28 september 2026 een gesprek gevoerd met Sanne de Boer.',
    );
    expect(mail.text).toContain('Volgende stap: een vervolggesprek op 12 oktober 2026.');
    expect(mail.text).toContain('van 28 september 2026 tot en met 30 oktober 2026');
    expect(feedback({}, 'en').text).toContain('Next step: a follow-up conversation on 12 October 2026.');
  });

  it('says the student did not come, and for a home visit that nobody was home, with what comes next', () => {
    expect(feedback({ outcome: 'no_show' }).text).toContain('niet verschenen op het gesprek');
    const visit = feedback({
      flow: 'home_visit',
      outcome: 'nobody_home',
      date: '2026-10-27',
      from: undefined,
      to: undefined,
      followUpOn: undefined,
    });
    expect(visit.text).toContain('op 27 oktober 2026 op huisbezoek geweest bij Sanne de Boer');
    expect(visit.text).toContain('niemand thuis');
    expect(visit.text).not.toContain('vervolggesprek');
  });
});

describe('durations in mails', () => {
  it('shows whole minutes unrounded, in both languages', () => {
    expect(formatDuration(960, 'nl')).toBe('16 uur');
    expect(formatDuration(961, 'nl')).toBe('16 uur en 1 minuut');
    expect(formatDuration(545, 'en')).toBe('9 hours and 5 minutes');
    expect(formatDuration(60, 'en')).toBe('1 hour');
  });
});

describe('every mail names the period it is about (issue #10)', () => {
  it.each(ids.flatMap((id) => [[id, 'nl'] as const, [id, 'en'] as const]))('%s (%s)', (id, locale) => {
    const data = samples[id] as { from?: string; to?: string; date?: string };
    const mail = render(id, locale);
    const dates = [data.from, data.to, data.date].filter((d): d is string => d !== undefined);
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) {
      const [y, m, d] = date.split('-').map(Number);
      const month = new Date(Date.UTC(y as number, (m as number) - 1, d)).toLocaleString(
        locale === 'nl' ? 'nl-NL' : 'en-GB',
        {
          month: 'long',
          timeZone: 'UTC',
        },
      );
      expect(mail.text).toContain(`${d} ${month} ${y}`);
    }
  });
});

describe('a combined mail (one per reader and kind per run, issue #10)', () => {
  const second = {
    ...samples['report16.coach'],
    studentName: 'Daan Visser',
    from: '2026-10-05',
    to: '2026-10-16',
    dueDate: '2026-10-23',
    url: 'https://presentie.school.example/#/meldingen/s2.2026-10-05',
  };

  it.each(['nl', 'en'] as const)('lists every report with its period and its own link (%s)', (locale) => {
    const mail = renderMail({
      id: 'm',
      template: 'report16.coach',
      to: ['c@school.example'],
      locale,
      data: samples['report16.coach'],
      also: [second],
      studentIds: ['s1', 's2'],
    });
    expect(mail.subject).toContain('2');
    for (const text of [mail.text, mail.html]) {
      expect(text).toContain('Sanne de Boer');
      expect(text).toContain('Daan Visser');
      expect(text).toContain(url);
      expect(text).toContain(second.url);
    }
    expect(mail.text).toContain(
      locale === 'nl'
        ? '7 september 2026 tot en met 24 september 2026'
        : '7 September 2026 to 24 September 2026',
    );
    expect(mail.text).toContain(
      locale === 'nl' ? '5 oktober 2026 tot en met 16 oktober 2026' : '5 October 2026 to 16 October 2026',
    );
    expect(mail.studentIds).toEqual(['s1', 's2']);
  });

  it('says different things about different periods, so two mails weeks apart are never identical', () => {
    const one = renderMail({
      id: 'a',
      template: 'frequent.student',
      to: ['s@x'],
      data: samples['frequent.student'],
    });
    const later = renderMail({
      id: 'b',
      template: 'frequent.student',
      to: ['s@x'],
      data: { ...samples['frequent.student'], from: '2026-11-02', to: '2026-11-27' },
    });
    expect(later.text).not.toBe(one.text);
  });
});
