/** Issue #14, "The other signals": the night's 8-hour list on the officer's worklist, and the outflow case of every leaver. */
import { describe, expect, it } from 'vitest';
import { listCoachCases } from '../../../functions/store/cases-repository';
import { listTasksForRole } from '../../../functions/store/tasks-repository';
import { startedForEachTest } from '../../support/started';
import { leftEvent } from '../../support/webhook';
import { coachEmail, day, officerEmail, startHarness } from './harness';

const h = startedForEachTest(startHarness);

const lists = async () =>
  (await listTasksForRole(h.table, 'attendance_officer', 'open')).filter((t) => t.kind === 'signal8_list');

describe("the night's 8-hour signals: one list a night for the attendance officer", () => {
  it('lists every student who got an 8-hour signal that night in one task, with team, coach and hours, and mails the officer nothing', async () => {
    await h.student('s-ada');
    await h.student('s-bo', { level: '2' });
    await h.deliver(...day('s-ada', '2026-09-10'), ...day('s-bo', '2026-09-10'));
    await h.nightly('2026-09-10');

    const [list, ...more] = await lists();
    expect(more).toEqual([]);
    expect(list).toMatchObject({ createdOn: '2026-09-10', teamId: 'inst', status: 'open' });
    expect(list?.eightHours).toEqual([
      expect.objectContaining({
        studentId: 's-ada',
        teamId: 'team-ict',
        coachName: 'M. Jansen',
        unauthorizedMinutes: 480,
      }),
      expect.objectContaining({
        studentId: 's-bo',
        teamId: 'team-ict',
        coachName: 'M. Jansen',
        unauthorizedMinutes: 480,
      }),
    ]);
    expect(await h.mailsTo(officerEmail)).toEqual([]);

    // A replay of the same night makes no second list.
    await h.nightly('2026-09-10');
    expect(await lists()).toHaveLength(1);
  });

  it('makes no list on a night without 8-hour signals', async () => {
    await h.student('s-cas');
    await h.deliver(...day('s-cas', '2026-09-10', { status: 'present' }));
    await h.nightly('2026-09-10');
    expect(await lists()).toEqual([]);
  });

  it('leaves out a student whose 8 hours became a 16-hour report the same night', async () => {
    await h.student('s-dex');
    await h.deliver(...day('s-dex', '2026-09-09'), ...day('s-dex', '2026-09-10'));
    await h.nightly('2026-09-10');
    expect(await lists()).toEqual([]);
  });
});

describe('outflow: every leaver opens a case for the coach', () => {
  it('records an Entree leaver with a diploma as an early school leaver who involves the counsellor', async () => {
    await h.student('s-eva', { level: 'entree', birthDate: '2008-05-01' });
    await h.student('s-finn', { level: '4', birthDate: '2005-05-01' });
    await h.deliver(leftEvent('s-eva', '2026-10-01'), leftEvent('s-finn', '2026-10-01'));
    await h.nightly('2026-10-01');

    const cases = await listCoachCases(h.table, 'c-jansen', 'open');
    expect(cases.map((c) => [c.studentId, c.involveCounsellor, c.earlySchoolLeaver])).toEqual([
      ['s-eva', true, true],
      ['s-finn', false, false],
    ]);
    // The coach must act on both: one mail naming them.
    const mails = await h.mailsTo(coachEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.text).toContain('Student s-eva');
    expect(mails[0]?.body.text).toContain('Student s-finn');
  });
});
