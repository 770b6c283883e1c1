import { describe, expect, it } from 'vitest';
import type { Outbox } from '../../../functions/mail/outbox';
import { getMail } from '../../../functions/store/outbox-repository';
import { loadDirectory } from '../../../functions/usecases/nightly/directory';
import { batchMailId } from '../../../functions/usecases/nightly/mail-batch';
import { runNightly } from '../../../functions/usecases/nightly/run-nightly';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { defaultCalendar } from '../../../shared/calendar';
import { startedForEachTest } from '../../support/started';
import { leftEvent } from '../../support/webhook';
import { coachEmail, DASHBOARD, day, startHarness, studentEmail } from './harness';

const h = startedForEachTest(startHarness);

describe('issue #10, a student who has left: no signal, report or mail for any day after leaving', () => {
  it('keeps the absence registered after `student.left` but signals, reports and mails nothing for it', async () => {
    await h.student('s-lea', { startQualification: true });
    await h.deliver(leftEvent('s-lea', '2026-09-09'));
    const after = ['2026-09-10', '2026-09-11', '2026-09-14', '2026-09-15'];
    for (const date of after) {
      await h.deliver(...day('s-lea', date));
      const run = await h.nightly(date);
      expect(run.signals).toBe(0);
    }
    expect(await listOpenReports(h.table, 'team-ict')).toEqual([]);
    expect(await h.mailsTo(studentEmail('s-lea'))).toEqual([]);
    // The coach hears of the leave (the outflow case), of nothing after it.
    expect((await h.mailsTo(coachEmail)).map((m) => m.subject)).toEqual(['Uitschrijving: Student s-lea']);
  });

  it('does the same once `enrolledUntil` has passed, and still reports the hours before it', async () => {
    await h.student('s-eva', { enrolledUntil: '2026-09-10' });
    for (const date of ['2026-09-09', '2026-09-10', '2026-09-11', '2026-09-14']) {
      await h.deliver(...day('s-eva', date));
    }
    await h.nightly('2026-09-14');
    // 9 and 10 September are 16 hours within the enrolment: a report the law requires.
    const open = await listOpenReports(h.table, 'team-ict');
    expect(open.map((r) => [r.from, r.to, r.unauthorizedMinutes])).toEqual([
      ['2026-09-09', '2026-09-10', 960],
    ]);
    // The 8-hour signal is superseded by that report; nothing at all about 11 and 14 September.
    expect(await h.mailsTo(studentEmail('s-eva'))).toEqual([]);
    const toCoach = await h.mailsTo(coachEmail);
    expect(toCoach.map((m) => m.subject)).toEqual(['16-uursmelding: Student s-eva']);
    expect(toCoach[0]?.body.text).toContain('9 september 2026 tot en met 10 september 2026');
  });

  it('does not send a mail queued before the student left, and keeps it as cancelled with the reason', async () => {
    await h.student('s-ole', { startQualification: true });
    await h.deliver(...day('s-ole', '2026-09-07'));
    h.sesFailsFor([studentEmail('s-ole')]);
    const queued = await h.nightly('2026-09-07');
    expect(queued.flush.failed).toBe(1);

    h.sesRecovers();
    await h.deliver(leftEvent('s-ole', '2026-09-08'));
    const next = await h.nightly('2026-09-08');
    // Sent: only the coach's mail about the leave (the outflow case).
    expect(next.flush).toMatchObject({ sent: 1, cancelled: 1 });
    expect(await h.mailsTo(studentEmail('s-ole'))).toEqual([]);
    const mail = await getMail(h.table, batchMailId('2026-09-07', 'signal8.student', studentEmail('s-ole')));
    expect(mail).toMatchObject({
      status: 'cancelled',
      cancelledReason: 'student_left',
      studentIds: ['s-ole'],
    });
    // Cancelled is final: later runs do not pick it up again.
    expect((await h.nightly('2026-09-09')).flush).toMatchObject({ sent: 0, cancelled: 0 });
  });

  it('still opens the outflow case and mails the coach about a leaver under 23 without a starting qualification', async () => {
    await h.student('s-mia');
    await h.deliver(
      leftEvent('s-mia', '2026-09-09', {
        data: { studentId: 's-mia', date: '2026-09-09', diplomaObtained: false },
      }),
    );
    await h.deliver(...day('s-mia', '2026-09-10'));
    await h.nightly('2026-09-10');
    const toCoach = await h.mailsTo(coachEmail);
    expect(toCoach.map((m) => m.subject)).toEqual(['Uitschrijving: Student s-mia']);
    expect(toCoach[0]?.body.text).toContain('9 september 2026');
  });
});

describe('issue #10, catching up: a run over weeks behaves as a person would', () => {
  // 40 hours over six school weeks: 8 hours on each of five days.
  const truant = ['2026-09-07', '2026-09-09', '2026-09-21', '2026-09-23', '2026-10-07'];

  it('makes every report, mails the coach once naming both periods and the student at most one 8-hour mail', async () => {
    await h.student('s-tim');
    for (const date of truant) await h.deliver(...day('s-tim', date));
    const run = await h.nightly('2026-10-09');

    const open = await listOpenReports(h.table, 'team-ict');
    expect(open.map((r) => [r.from, r.to]).sort()).toEqual([
      ['2026-09-07', '2026-09-09'],
      ['2026-09-21', '2026-09-23'],
    ]);

    const reportMails = (await h.mailsTo(coachEmail)).filter((m) => m.subject.includes('16-uursmelding'));
    expect(reportMails).toHaveLength(1);
    const text = reportMails[0]?.body.text ?? '';
    expect(text).toContain('van 7 september 2026 tot en met 9 september 2026');
    expect(text).toContain('van 21 september 2026 tot en met 23 september 2026');
    for (const report of open) expect(text).toContain(`/#/meldingen/${report.reportId}`);

    // The 8-hour signals of 7 and 21 September led to a report in this same run: not mailed.
    // The one of 7 October did not: one mail, naming that day.
    const eightHours = (await h.mailsTo(studentEmail('s-tim'))).filter((m) =>
      m.subject.includes('ongeoorloofd'),
    );
    expect(eightHours).toHaveLength(1);
    expect(eightHours[0]?.body.text).toContain('7 oktober 2026');
    expect(eightHours[0]?.body.text).not.toContain('7 september 2026');
    expect(eightHours[0]?.body.text).not.toContain('21 september 2026');

    // No kind twice to anyone.
    const kinds = (await h.mails()).map((m) => `${m.destination.to.join()}|${m.subject.split(':')[0]}`);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(run.mailsQueued).toBe((await h.mails()).length);

    // A rerun of the same date sends nothing new.
    const rerun = await h.nightly('2026-10-09');
    expect(rerun).toMatchObject({ signals: 0, mailsQueued: 0, flush: { sent: 0 } });
    expect(await h.mails()).toHaveLength(run.mailsQueued);
  });

  it('sends what a night at a time would have sent, each mail naming its own period, so two mails are never identical', async () => {
    await h.student('s-ivo');
    const texts: string[] = [];
    for (const date of ['2026-09-07', '2026-10-05']) {
      await h.deliver(...day('s-ivo', date));
      await h.nightly(date);
    }
    for (const m of await h.mailsTo(studentEmail('s-ivo'))) texts.push(m.body.text);
    expect(texts).toHaveLength(2);
    expect(texts[0]).not.toBe(texts[1]);
  });

  it('retried after a crash between recording the mails and saving the signal states, sends each mail once', async () => {
    await h.student('s-rik');
    for (const date of truant) await h.deliver(...day('s-rik', date));
    let recorded = 0;
    const crashing: Outbox = {
      enqueue: (request) => {
        if (recorded === 1) return Promise.reject(new Error('the Lambda ran out of time'));
        recorded++;
        return h.outbox.enqueue(request);
      },
      flush: (options) => h.outbox.flush(options),
      sendNow: (ids, options) => h.outbox.sendNow(ids, options),
    };
    const deps = (outbox: Outbox) => ({
      store: h.table,
      outbox,
      bus: h.bus,
      calendar: defaultCalendar,
      loadDirectory: () => loadDirectory(h.table),
      config: { dashboardUrl: DASHBOARD, mailGuardians: false, retentionYears: 5 },
    });
    await expect(runNightly(deps(crashing), '2026-10-09')).rejects.toThrow('ran out of time');

    const retry = await runNightly(deps(h.outbox), '2026-10-09');
    // The states were not saved: the same signals are found again, and what was recorded stays once.
    expect(retry.signals).toBeGreaterThan(0);
    expect(await listOpenReports(h.table, 'team-ict')).toHaveLength(2);
    const toCoach = (await h.mailsTo(coachEmail)).filter((m) => m.subject.includes('16-uursmelding'));
    expect(toCoach).toHaveLength(1);
    expect(
      (await h.mailsTo(studentEmail('s-rik'))).filter((m) => m.subject.startsWith('Je hebt')),
    ).toHaveLength(1);
    expect((await h.nightly('2026-10-09')).signals).toBe(0);
  });
});
