/**
 * Issue #13, "Mails": a student's 8-hour mail once read "Je hebt 7 uur en 45 minuten ongeoorloofd
 * verzuim". Whatever the absence, the mail names at least the student's own signal threshold: 8
 * hours under the law (policy 4.1), and for Route-X the school's lower internal norm, of which the
 * mail then says nothing about DUO or 16 hours. A Route-X student can therefore rightly read 7 hours
 * and 45 minutes; a student under the law never can.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMail } from '../../functions/mail/templates';
import { profileFor } from '../../shared/policy';
import { evaluate, schoolDays, student, truant } from '../unit/policy/fixtures';

const DAYS = schoolDays('2026-09-07', '2026-10-16');

const absenceArb = fc.array(
  fc.integer({ min: 0, max: 8 }).map((quarters) => quarters * 45),
  {
    minLength: DAYS.length,
    maxLength: DAYS.length,
  },
);

function signal8Mails(routeX: boolean, minutes: number[]) {
  const s = student({ routeX });
  const days = DAYS.map((date, i) => truant(date, minutes[i] ?? 0));
  const { signals } = evaluate(days, '2026-10-16', { student: s });
  return signals
    .filter((signal) => signal.kind === 'signal8')
    .map((signal) => ({
      minutes: signal.totalMinutes,
      mail: renderMail({
        id: signal.id,
        template: 'signal8.student',
        to: ['s@x.example'],
        data: {
          studentName: 'Tess',
          minutes: signal.totalMinutes,
          reportAtMinutes: profileFor(s).reportMinutes,
          ...(routeX ? { routeX: true } : {}),
          ...signal.period,
        },
      }),
    }));
}

describe("the student's 8-hour mail", () => {
  it('never names fewer than 8 hours for a student under the law', () => {
    fc.assert(
      fc.property(absenceArb, (minutes) => {
        for (const { minutes: total, mail } of signal8Mails(false, minutes)) {
          expect(total).toBeGreaterThanOrEqual(480);
          expect(mail.subject).not.toMatch(/^Je hebt [0-7] uur/);
        }
      }),
    );
  });

  it('names the Route-X internal norm without DUO or 16 hours, also below 8 hours', () => {
    fc.assert(
      fc.property(absenceArb, (minutes) => {
        for (const { minutes: total, mail } of signal8Mails(true, minutes)) {
          expect(total).toBeGreaterThanOrEqual(profileFor({ routeX: true }).signalMinutes);
          expect(mail.text).not.toMatch(/DUO|16 uur/);
        }
      }),
    );
  });
});
