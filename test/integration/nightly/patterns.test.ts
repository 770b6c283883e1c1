import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../../../functions/domain/errors';
import { listCoachCases } from '../../../functions/store/cases-repository';
import { listTasksForRole } from '../../../functions/store/tasks-repository';
import { applyReportAction } from '../../../functions/usecases/reports/actions';
import { exportDuoCsv } from '../../../functions/usecases/reports/duo-export';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { REASONS } from '../../../shared/policy/types';
import { startedForEachTest } from '../../support/started';
import { leftEvent } from '../../support/webhook';
import { coach, coachEmail, day, officerEmail, startHarness, studentEmail } from './harness';

const h = startedForEachTest(startHarness);

const sickByPhone = { reason: 'sick', notice: { channel: 'phone', reportedBy: 'parent', proof: false } };

describe('the nightly run: patterns beyond the hour counts', () => {
  it('signals 4 weeks away to the attendance officer (task and mail) with a note to the coach, once the fourth week is over', async () => {
    await h.student('s-joep');
    await h.deliver(
      ...day('s-joep', '2026-09-07'),
      ...day('s-joep', '2026-09-14'),
      ...day('s-joep', '2026-09-21'),
      ...day('s-joep', '2026-09-28'),
    );
    await h.nightly('2026-09-28');
    expect(await h.mailsTo(officerEmail)).toHaveLength(0);

    // No new data: the open window brings the student back when the week is over.
    const friday = await h.nightly('2026-10-02');
    expect(friday.candidates).toBe(1);
    const tasks = await listTasksForRole(h.table, 'attendance_officer', 'open');
    expect(tasks.filter((t) => t.kind === 'signal4w').map((t) => t.studentId)).toEqual(['s-joep']);
    const toOfficer = await h.mailsTo(officerEmail);
    expect(toOfficer.map((m) => m.subject)).toEqual(['4-wekensignaal: Student s-joep']);
    expect(toOfficer[0]?.body.text).toContain('/#/werklijst');
    expect((await h.mailsTo(coachEmail)).map((m) => m.subject)).toContain('Ter informatie: Student s-joep');
  });

  it('signals sickness reported 4 times in 12 school weeks to the coach (mail) and the attendance officer (task), naming no sickness', async () => {
    await h.student('s-kim');
    // Four separate sicknesses: at school before the first (else the nightly run's trailing window
    // would open with it, and it might continue one from before) and the day after each (else the
    // school days in between would make it one sickness).
    await h.deliver(...day('s-kim', '2026-09-04', { status: 'present' }));
    for (const [date, back] of [
      ['2026-09-07', '2026-09-08'],
      ['2026-09-15', '2026-09-16'],
      ['2026-09-23', '2026-09-24'],
      ['2026-10-01', null],
    ] as const) {
      await h.deliver(...day('s-kim', date, sickByPhone));
      if (back) await h.deliver(...day('s-kim', back, { status: 'present' }));
    }
    await h.nightly('2026-10-01');
    const tasks = await listTasksForRole(h.table, 'attendance_officer', 'open');
    expect(tasks.filter((t) => t.kind === 'sick_pattern').map((t) => [t.studentId, t.taskId])).toEqual([
      ['s-kim', 's-kim_sick_repeated_2026-09-07'],
    ]);
    const toCoach = await h.mailsTo(coachEmail);
    expect(toCoach.map((m) => m.subject)).toEqual(['Gesprek gevraagd: Student s-kim']);
    // Sickness is authorized: no hour signals for it.
    expect(await h.mailsTo(studentEmail('s-kim'))).toHaveLength(0);
  });

  it('signals a BBL student with lessons on Tuesdays sick for 5 weeks once, as long sickness on the 7th school day', async () => {
    await h.student('s-bram');
    await h.deliver(...day('s-bram', '2026-08-25', { status: 'present' }));
    await h.nightly('2026-08-25');
    for (const tuesday of ['2026-09-01', '2026-09-08']) {
      await h.deliver(...day('s-bram', tuesday, sickByPhone));
      await h.nightly(tuesday);
    }
    expect(await h.mailsTo(coachEmail)).toHaveLength(0);
    // Wednesday 9 September, the 7th school day, has no lesson and no new data.
    const wednesday = await h.nightly('2026-09-09');
    expect(wednesday.candidates).toBe(1);
    for (const tuesday of ['2026-09-15', '2026-09-22', '2026-09-29']) {
      await h.deliver(...day('s-bram', tuesday, sickByPhone));
      await h.nightly(tuesday);
    }
    await h.deliver(...day('s-bram', '2026-10-06', { status: 'present' }));
    await h.nightly('2026-10-06');
    const tasks = await listTasksForRole(h.table, 'attendance_officer', 'open');
    expect(tasks.map((t) => [t.kind, t.taskId, t.createdOn])).toEqual([
      ['sick_pattern', 's-bram_sick_long_2026-09-01', '2026-09-09'],
    ]);
    expect((await h.mailsTo(coachEmail)).map((m) => m.subject)).toEqual(['Gesprek gevraagd: Student s-bram']);
  });

  it('mails the student and the coach about frequent absence: late four times within four school weeks', async () => {
    await h.student('s-quinn');
    for (const date of ['2026-09-07', '2026-09-09', '2026-09-14', '2026-09-16']) {
      await h.deliver({
        id: `evt-late-${date}`,
        type: 'registration.upserted',
        occurredAt: `${date}T09:00:00+02:00`,
        data: {
          registrationId: `s-quinn-${date}-late`,
          revision: 0,
          studentId: 's-quinn',
          date,
          start: '08:30',
          end: '10:30',
          status: 'late',
          minutesMissed: 15,
          reason: 'late_transport',
        },
      });
    }
    await h.nightly('2026-09-16');
    expect((await h.mailsTo(studentEmail('s-quinn'))).map((m) => m.subject)).toEqual([
      'Herhaaldelijk verzuim',
    ]);
    expect((await h.mailsTo(coachEmail)).map((m) => m.subject)).toEqual([
      'Aandacht gevraagd: Student s-quinn',
    ]);
  });

  it('reports a Route-X student to the coach by the school norm, and never to DUO', async () => {
    await h.student('s-lot', { routeX: true });
    await h.deliver(...day('s-lot', '2026-09-10'));
    await h.nightly('2026-09-10');
    const [report] = await listOpenReports(h.table, 'team-ict');
    expect(report).toMatchObject({ studentId: 's-lot', routeX: true, unauthorizedMinutes: 480 });
    await expect(
      applyReportAction(h.reportDeps(), {
        reportId: report?.reportId ?? '',
        action: 'duo',
        explanation: 'Melden',
        actor: coach,
        now: new Date('2026-09-11T09:00:00Z'),
      }),
    ).rejects.toBeInstanceOf(InvalidTransition);
    expect((await exportDuoCsv(h.table)).trim().split('\n')).toHaveLength(1); // the header only
  });

  it('opens an outflow case for every leaver, flagging one under 23 without a starting qualification', async () => {
    await h.student('s-mo', { level: '2' });
    await h.student('s-noor', { level: '4' });
    await h.deliver(
      leftEvent('s-mo', '2026-10-01', {
        data: { studentId: 's-mo', date: '2026-10-01', diplomaObtained: false },
      }),
      leftEvent('s-noor', '2026-10-01'), // with a diploma: a case, but no early school leaver
    );
    await h.nightly('2026-10-01');
    const cases = await listCoachCases(h.table, coach.staffId, 'open');
    expect(cases.map((c) => [c.studentId, c.involveCounsellor, c.earlySchoolLeaver])).toEqual([
      ['s-mo', true, true],
      ['s-noor', false, false],
    ]);
    const mails = await h.mailsTo(coachEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.text).toContain('Student s-noor');
    await h.nightly('2026-10-02');
    expect(await h.mailsTo(coachEmail)).toHaveLength(1);
  });

  it('delivers each mail exactly once when SES fails for some mails and recovers later', async () => {
    await h.student('s-olaf');
    h.sesFailsFor([coachEmail]);
    await h.deliver(...day('s-olaf', '2026-09-10'));
    await h.nightly('2026-09-10');
    await h.deliver(...day('s-olaf', '2026-09-11'));
    const failing = await h.nightly('2026-09-11');
    expect(failing.flush.failed).toBe(1);
    expect(await h.mailsTo(studentEmail('s-olaf'))).toHaveLength(1);
    expect(await h.mailsTo(coachEmail)).toHaveLength(0);

    h.sesRecovers();
    const recovered = await h.nightly('2026-09-14');
    // The held-back report mail, and (a mail of its own) the reminder that its term ends tomorrow.
    expect(recovered.flush.sent).toBe(2);
    await h.nightly('2026-09-14');
    expect((await h.mailsTo(coachEmail)).map((m) => m.subject.split(':')[0]).sort()).toEqual([
      '16-uursmelding',
      'Herinnering',
    ]);
    expect(await h.mailsTo(studentEmail('s-olaf'))).toHaveLength(1);
  });

  it('never puts an absence reason in a mail, whatever the reasons registered', async () => {
    await h.student('s-pien');
    const reasons = REASONS.filter((r) => r !== 'unknown');
    const dates = ['2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10', '2026-09-14', '2026-09-15'];
    for (const [i, date] of dates.entries()) {
      await h.deliver(...day('s-pien', date, { reason: reasons[i % reasons.length] as string }));
    }
    for (const date of ['2026-09-15', '2026-09-16', '2026-09-17']) {
      await h.deliver(...day('s-pien', date, { ...sickByPhone, revision: 1 }));
    }
    await h.nightly('2026-09-18');
    const mails = await h.mails();
    expect(mails.length).toBeGreaterThan(0);
    const words = [
      ...reasons,
      ...reasons.map((r) => r.replaceAll('_', ' ')),
      'ziek',
      'spijbel',
      'medisch',
      'arts',
    ];
    for (const mail of mails) {
      const all = `${mail.subject}\n${mail.body.text}\n${mail.body.html}`.toLowerCase();
      for (const word of words) expect(all, `${mail.subject} mentions "${word}"`).not.toContain(word);
    }
  });
});
