import { describe, expect, it } from 'vitest';
import { listTasksForRole } from '../../../functions/store/tasks-repository';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { startedForEachTest } from '../../support/started';
import { coachEmail, day, officerEmail, startHarness, studentEmail } from './harness';

const h = startedForEachTest(startHarness);

/** Wednesday 7 to Thursday 15 October 2026: seven school days. */
const SUSPENSION = [
  '2026-10-07',
  '2026-10-08',
  '2026-10-09',
  '2026-10-12',
  '2026-10-13',
  '2026-10-14',
  '2026-10-15',
];

describe('the nightly run: classification at the legal edges', () => {
  it('ch. 3: a 7-school-day suspension gives one task for the attendance officer, and no mail to the student nor a report', async () => {
    await h.student('s-sus');
    for (const date of SUSPENSION) {
      await h.deliver(...day('s-sus', date, { reason: 'suspension' }));
      await h.nightly(date);
    }
    await h.nightly('2026-10-16');
    const tasks = await listTasksForRole(h.table, 'attendance_officer', 'open');
    expect(tasks.map((t) => [t.kind, t.studentId])).toEqual([['suspension_check', 's-sus']]);
    expect(tasks[0]?.explanation).toContain('schorsing langer dan 5 schooldagen');
    expect(await listOpenReports(h.table, 'team-ict')).toEqual([]);
    expect(await h.mailsTo(studentEmail('s-sus'))).toEqual([]);
    expect(await h.mailsTo(coachEmail)).toEqual([]);
    expect((await h.mailsTo(officerEmail)).map((m) => m.subject)).toEqual(['Nieuwe taak: Student s-sus']);
  });

  it('ch. 3: a 5-school-day suspension gives nothing at all', async () => {
    await h.student('s-five');
    await h.deliver(
      ...SUSPENSION.slice(0, 5).flatMap((date) => day('s-five', date, { reason: 'suspension' })),
    );
    await h.nightly('2026-10-13');
    expect(await listTasksForRole(h.table, 'attendance_officer', 'open')).toEqual([]);
    expect(await h.mails()).toEqual([]);
  });

  it('appendix 1: a driving exam nobody reported counts as unauthorized (the 8-hour mail), one reported does not', async () => {
    const invitation = { channel: 'none', reportedBy: 'student', proof: true };
    await h.student('s-exam');
    await h.student('s-exam-ok');
    await h.deliver(
      ...day('s-exam', '2026-09-10', { reason: 'driving_exam', notice: invitation }),
      ...day('s-exam-ok', '2026-09-10', {
        reason: 'driving_exam',
        notice: { ...invitation, channel: 'email' },
      }),
    );
    await h.nightly('2026-09-10');
    expect(await h.mailsTo(studentEmail('s-exam'))).toHaveLength(1);
    expect(await h.mailsTo(studentEmail('s-exam-ok'))).toEqual([]);
  });

  it('Lpw art. 14: special leave of 6 days in October and 6 in March leaves 2 unauthorized days in March: 16 hours, a report', async () => {
    const granted = {
      reason: 'special_leave',
      notice: { channel: 'email', reportedBy: 'parent', proof: true, approvedBy: 'manager' },
    };
    const october = ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-12'];
    const march = ['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-15'];
    await h.student('s-leave');
    await h.deliver(...october.flatMap((date) => day('s-leave', date, granted)));
    await h.nightly('2026-10-12');
    await h.deliver(...march.flatMap((date) => day('s-leave', date, granted)));
    await h.nightly('2027-03-15');
    const reports = await listOpenReports(h.table, 'team-ict');
    expect(reports.map((r) => [r.from, r.to, r.unauthorizedMinutes])).toEqual([
      ['2027-03-12', '2027-03-15', 960],
    ]);
  });

  it('footnote to 4.1 and 4.2: a Route-X student away 4 school weeks gets the internal report, never a 4-week signal', async () => {
    await h.student('s-rx', { routeX: true });
    const dates = [7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25, 28, 29, 30]
      .map((d) => `2026-09-${String(d).padStart(2, '0')}`)
      .concat(['2026-10-01', '2026-10-02']);
    await h.deliver(...dates.flatMap((date) => day('s-rx', date)));
    await h.nightly('2026-10-02');
    const tasks = await listTasksForRole(h.table, 'attendance_officer', 'open');
    expect(tasks.filter((t) => t.kind === 'signal4w')).toEqual([]);
    expect(await h.mailsTo(officerEmail)).toEqual([]);
    const reports = await listOpenReports(h.table, 'team-ict');
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.routeX && r.addressee === 'none')).toBe(true);
  });
});
