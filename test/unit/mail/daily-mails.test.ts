/**
 * Issue #13, "Mails": each mail names its period and the next step, with whom to contact; the
 * Route-X mail never mentions DUO or 16 hours; the coach hears of a student's other open reports;
 * the frequent-absence mail says what was counted; links go to the report or task itself; one
 * term ("herhaaldelijk verzuim", the policy's "frequent/herhaaldelijk verzuim") in mails and dashboard.
 */
import { describe, expect, it } from 'vitest';
import { renderMail } from '../../../functions/mail/templates';
import { translate } from '../../../shared/i18n';
import { dashboardLink, dashboardPath } from '../../../shared/links';

const BASE = 'https://presentie.school.example';
const reportUrl = dashboardLink(BASE, dashboardPath.report('s1.2026-09-07'));

const report = {
  coachName: 'M. Jansen',
  studentName: 'Tess Dijkstra',
  minutes: 975,
  from: '2026-09-07',
  to: '2026-09-24',
  dueDate: '2026-09-28',
  url: reportUrl,
};

describe("the student's 8-hour mail", () => {
  const mail = renderMail({
    id: 'm1',
    template: 'signal8.student',
    to: ['tess@student.example'],
    data: {
      studentName: 'Tess Dijkstra',
      coachName: 'M. Jansen',
      minutes: 495,
      from: '2026-09-07',
      to: '2026-09-11',
    },
  });

  it('names its period, the coach to contact by name, and the front office to dispute a registration', () => {
    expect(mail.subject).toBe('Je hebt 8 uur en 15 minuten ongeoorloofd verzuim');
    expect(mail.text).toContain('van 7 september 2026 tot en met 11 september 2026');
    expect(mail.text).toContain('contact op met je coach, M. Jansen');
    expect(mail.text).toContain('Meld dat bij de frontoffice');
  });

  it('says "je" throughout, never "u"', () => {
    expect(mail.text).not.toMatch(/\b(u|uw)\b/);
  });
});

describe("the coach's report mail", () => {
  it('says how many other reports of the student are still open', () => {
    const mail = renderMail({
      id: 'm2',
      template: 'report16.coach',
      to: ['c@x.example'],
      data: { ...report, otherOpen: 3 },
    });
    expect(mail.subject).toBe('16-uursmelding: Tess Dijkstra');
    expect(mail.text).toContain('Tess Dijkstra heeft nog 3 andere open meldingen.');
    expect(mail.text).toContain('uiterlijk 28 september 2026');
    expect(mail.text).toContain(reportUrl);
  });

  it('says nothing of other reports when there are none', () => {
    const mail = renderMail({ id: 'm3', template: 'report16.coach', to: ['c@x.example'], data: report });
    expect(mail.text).not.toContain('andere open');
  });

  it('on the Route-X norm never mentions DUO or 16 hours, also with other reports open', () => {
    const mail = renderMail({
      id: 'm4',
      template: 'routex.coach',
      to: ['c@x.example'],
      data: { ...report, minutes: 495, otherOpen: 1 },
    });
    expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toMatch(/DUO|16 uur|16-uur/);
    expect(mail.text).toContain('Tess Dijkstra heeft nog 1 andere open melding.');
  });
});

describe('the frequent-absence mails', () => {
  const data = {
    studentName: 'Tess Dijkstra',
    from: '2026-09-07',
    to: '2026-09-24',
    occurrences: ['2026-09-07', '2026-09-10', '2026-09-10', '2026-09-24'],
  };

  it('tell the student what was counted, and whom to contact', () => {
    const mail = renderMail({
      id: 'm5',
      template: 'frequent.student',
      to: ['tess@student.example'],
      data: { ...data, coachName: 'M. Jansen' },
    });
    expect(mail.subject).toBe('Herhaaldelijk verzuim');
    expect(mail.text).toContain(
      'Geteld: 4 keer ongeoorloofd afwezig of te laat (7 september 2026, 10 september 2026 en 24 september 2026).',
    );
    expect(mail.text).toContain('contact op met je coach, M. Jansen');
    expect(mail.text).toContain('frontoffice');
  });

  it('tell the coach what was counted, under the term the dashboard uses', () => {
    const mail = renderMail({
      id: 'm6',
      template: 'frequent.coach',
      to: ['c@x.example'],
      data: { ...data, coachName: 'M. Jansen', url: dashboardLink(BASE, dashboardPath.student('s1')) },
    });
    expect(mail.subject).toBe('Aandacht gevraagd: Tess Dijkstra');
    expect(mail.text).toContain(translate('nl', 'signal.frequent'));
    expect(mail.text).toContain('Geteld: 4 keer');
    expect(mail.text).toContain('#/studenten/s1');
  });
});

describe('a task mail', () => {
  it('links to the task itself', () => {
    const url = dashboardLink(BASE, dashboardPath.task('referral.abc'));
    const mail = renderMail({
      id: 'm7',
      template: 'task.assignee',
      to: ['o@x.example'],
      data: { assigneeName: 'S. Bakker', studentName: 'Tess Dijkstra', task: 'home_visit', url },
    });
    expect(mail.text).toContain('#/taken/referral.abc');
  });
});
