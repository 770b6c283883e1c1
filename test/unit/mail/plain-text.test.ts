import { describe, expect, it } from 'vitest';
import { plainData, plainText } from '../../../functions/mail/plain-text';
import { type MailRequest, renderMail, type TemplateId } from '../../../functions/mail/templates';

const BIDI = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
];
/** Anything a name must not bring into a mail. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** A name as an attacker would type it: a header on a line of its own and a right-to-left override. */
const HOSTILE = 'Sanne\r\nBcc: x@y.example\u202eexe.fdp\u2066 de\tBoer\u0000\u2028';

describe('plainText', () => {
  it('turns line breaks, tabs and other control characters into one space', () => {
    expect(plainText('a\r\nBcc: b')).toBe('a Bcc: b');
    expect(plainText('a\tb\u0000c\u007fd\u0085e\u2028f\u2029g')).toBe('a b c d e f g');
  });

  it.each(BIDI.map((c) => [c.codePointAt(0)?.toString(16)]))(
    'removes the bidirectional control U+%s',
    (hex) => {
      const c = String.fromCodePoint(Number.parseInt(hex as string, 16));
      expect(plainText(`ab${c}cd`)).not.toContain(c);
    },
  );

  it('keeps ordinary names, accents and scripts as they are', () => {
    for (const name of ['Sanne de Boer', 'Zoë Çelik-Öztürk', "D'Angelo", 'محمد', '李小龙']) {
      expect(plainText(name)).toBe(name);
    }
  });

  it('cleans the text fields of template data and leaves numbers and flags alone', () => {
    expect(plainData({ studentName: 'a\nb', minutes: 5, counsellor: true })).toEqual({
      studentName: 'a b',
      minutes: 5,
      counsellor: true,
    });
  });
});

const base = { from: '2026-09-07', to: '2026-09-11', url: 'https://presentie.school.example/#/x' };
const hostile: { [T in TemplateId]: MailRequest<T>['data'] } = {
  'signal8.student': { studentName: HOSTILE, minutes: 485, ...base },
  'signal8.guardian': { guardianOf: HOSTILE, minutes: 485, ...base },
  'report16.coach': {
    coachName: HOSTILE,
    studentName: HOSTILE,
    minutes: 965,
    dueDate: '2026-10-01',
    ...base,
  },
  'routex.coach': { coachName: HOSTILE, studentName: HOSTILE, minutes: 485, dueDate: '2026-10-01', ...base },
  'routex.withdrawn.coach': { coachName: HOSTILE, studentName: HOSTILE, ...base },
  'reminder.coach': {
    coachName: HOSTILE,
    managerName: HOSTILE,
    unitName: HOSTILE,
    open: 3,
    overdue: 1,
    date: '2026-11-20',
    url: base.url,
  },
  'signal4w.officer': { officerName: HOSTILE, studentName: HOSTILE, coachName: HOSTILE, ...base },
  'signal4w.coach': { coachName: HOSTILE, studentName: HOSTILE, ...base },
  'sick.coach': { coachName: HOSTILE, studentName: HOSTILE, ...base },
  'frequent.student': { studentName: HOSTILE, ...base },
  'frequent.coach': { coachName: HOSTILE, studentName: HOSTILE, ...base },
  'outflow.coach': {
    coachName: HOSTILE,
    studentName: HOSTILE,
    date: '2026-11-02',
    counsellor: true,
    url: base.url,
  },
  'withdrawn.coach': { coachName: HOSTILE, studentName: HOSTILE, ...base },
  'task.assignee': { assigneeName: HOSTILE, studentName: HOSTILE, task: 'duo_report', ...base },
  'feedback.coach': {
    coachName: HOSTILE,
    officerName: HOSTILE,
    studentName: HOSTILE,
    flow: 'home_visit',
    outcome: 'nobody_home',
    date: '2026-09-10',
    ...base,
  },
  'step.due': {
    assigneeName: HOSTILE,
    studentName: HOSTILE,
    flow: HOSTILE,
    step: HOSTILE,
    date: '2026-10-01',
    url: base.url,
  },
  'case.closed.coach': {
    coachName: HOSTILE,
    studentName: HOSTILE,
    flow: HOSTILE,
    outcome: HOSTILE,
    from: base.from,
    to: base.to,
    reason: HOSTILE,
    duo: 'RMC',
    adult: true,
    url: base.url,
  },
  'deadline.reminder': {
    readerName: HOSTILE,
    studentName: HOSTILE,
    term: 'duo',
    dueDate: '2026-09-18',
    ...base,
  },
};

describe('a hostile name in every template', () => {
  const cases = (Object.keys(hostile) as TemplateId[]).flatMap((id) =>
    (['nl', 'en'] as const).flatMap((locale) => [[id, locale, 1] as const, [id, locale, 3] as const]),
  );
  it.each(cases)(
    '%s (%s, %i thing(s)): subject one clean line, bodies without the injected header',
    (id, locale, n) => {
      const data = hostile[id];
      const mail = renderMail({
        id: 'm',
        template: id,
        to: ['x@school.example'],
        locale,
        data,
        also: Array.from({ length: n - 1 }, () => data),
      } as MailRequest);
      expect(mail.subject).not.toMatch(UNSAFE);
      for (const body of [mail.text, mail.html]) {
        // Line breaks between paragraphs are the template's own; none comes from the name.
        expect(body.replaceAll('\n', '')).not.toMatch(UNSAFE);
        expect(body.split('\n').some((line) => line.trimStart().startsWith('Bcc:'))).toBe(false);
      }
      expect(`${mail.subject}\n${mail.text}`).toContain('Sanne Bcc: x@y.example exe.fdp de Boer');
    },
  );
});
