import { describe, expect, it } from 'vitest';
import { putStaff } from '../../../functions/store/staff';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { defaultCalendarData } from '../../../shared/calendar';
import { startedForEachTest } from '../../support/started';
import { apiClient, STAFF } from '../api/fixture';
import { day, startHarness } from './harness';
import { nightHandlers } from './night-handlers';

const h = startedForEachTest(startHarness);

/** The night's handlers as deployed around the harness's dependencies (each reads the stored calendar per run). */
const nightlyRun = (date: string) => nightHandlers(h).night({ date });

/** 8 hours absent on 7 Sep and on 5 Oct 2026: five school weeks apart, so no 16 hours in 4 school weeks. */
async function absentTwiceFiveWeeksApart() {
  await h.student('s-kim');
  await h.deliver(...day('s-kim', '2026-09-07'), ...day('s-kim', '2026-10-05'));
}

describe("the administrator's calendar takes effect in the next nightly run (issue 13)", () => {
  it('with the bundled calendar the two absences lie in different windows: no report', async () => {
    await absentTwiceFiveWeeksApart();
    await nightlyRun('2026-10-05');
    expect(await listOpenReports(h.table, 'team-ict')).toEqual([]);
  });

  it('after a week of holiday is added on the dashboard, the next run counts both within 4 school weeks', async () => {
    await absentTwiceFiveWeeksApart();
    const admin = STAFF.admin;
    await putStaff(
      h.table,
      { ...admin, roles: [...admin.roles], orgUnitIds: [] },
      {
        version: 1,
        eventIds: ['evt-adm'],
      },
    );
    const calendar = structuredClone(defaultCalendarData);
    calendar.years[1]?.holidays.unshift({ name: 'Extra vrije week', from: '2026-09-12', to: '2026-09-20' });
    const api = await apiClient(h.table, new Date('2026-10-05T10:00:00Z'));
    const saved = await api.call('admin', 'POST', '/api/admin/calendar', { version: 0, calendar });
    expect(saved.status, saved.text).toBe(200);

    await nightlyRun('2026-10-05');
    const open = await listOpenReports(h.table, 'team-ict');
    expect(open).toEqual([
      expect.objectContaining({
        studentId: 's-kim',
        from: '2026-09-07',
        to: '2026-10-05',
        unauthorizedMinutes: 960,
      }),
    ]);
  });
});
