import { describe, expect, it } from 'vitest';
import { type MailRequest, renderMail, type TemplateId } from '../../../functions/mail/templates';

/** Route-X is the school's own norm (footnote to 4.1): its mails never speak of the law's 16 hours or DUO. */
const LEGAL = [/duo/i, /16[ -]?(uur|hour)/i, /16-uursmelding/i, /leerplicht/i];

const url = 'https://presentie.school.example/#/meldingen/r1';
const coach = { coachName: 'M. Jansen', from: '2026-09-07', to: '2026-09-24', url };
const one = (studentName: string) => ({ ...coach, studentName, minutes: 485, dueDate: '2026-10-01' });

function render(template: TemplateId, locale: 'nl' | 'en', data: unknown[]) {
  const [first, ...also] = data;
  return renderMail({
    id: 'm',
    template,
    to: ['x@school.example'],
    locale,
    data: first,
    also,
  } as MailRequest);
}

const cases = (['nl', 'en'] as const).flatMap((locale) => [
  ['routex.coach', locale, [one('Sanne de Boer')]] as const,
  ['routex.coach', locale, [one('Sanne de Boer'), one('Tim Ates')]] as const,
  ['routex.withdrawn.coach', locale, [{ ...coach, studentName: 'Sanne de Boer' }]] as const,
  [
    'routex.withdrawn.coach',
    locale,
    [
      { ...coach, studentName: 'Sanne de Boer' },
      { ...coach, studentName: 'Tim Ates' },
    ],
  ] as const,
  [
    'signal8.student',
    locale,
    [
      {
        studentName: 'Sanne de Boer',
        minutes: 245,
        reportAtMinutes: 480,
        routeX: true,
        from: '2026-09-07',
        to: '2026-09-11',
      },
    ],
  ] as const,
]);

describe('Route-X mails', () => {
  it.each(cases)('%s (%s) never mentions DUO or 16 hours', (template, locale, data) => {
    const mail = render(template, locale, [...data]);
    const all = `${mail.subject}\n${mail.text}\n${mail.html}`;
    for (const word of LEGAL) expect(all, `contains ${word}`).not.toMatch(word);
    expect(mail.text).toContain('Sanne de Boer');
  });

  it('names Route-X and the period in the coach mail, with the link to the report', () => {
    const mail = render('routex.coach', 'nl', [one('Sanne de Boer')]);
    expect(mail.subject).toBe('Route-X, actie gevraagd: Sanne de Boer');
    expect(mail.text).toContain('interne urennorm van Route-X');
    expect(mail.text).toContain('7 september 2026');
    expect(mail.text).toContain(url);
  });

  it('still tells a student on the legal norm that the school may have to report to DUO', () => {
    const mail = render('signal8.student', 'nl', [
      { studentName: 'Sanne de Boer', minutes: 485, from: '2026-09-07', to: '2026-09-11' },
    ]);
    expect(mail.text).toContain('DUO');
  });
});
