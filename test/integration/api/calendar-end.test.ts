import { describe, expect, it } from 'vitest';
import { AdminPage } from '../../../shared/api/admin';
import { apiClient, useSeededApi } from './fixture';

const sys = useSeededApi();

describe('the administration page warns before the school calendar ends (issue 10: "The calendar")', () => {
  it('tells an administrator how long the calendar lasts, without a warning while it is far off', async () => {
    const res = await sys.api.call('admin', 'GET', '/api/admin'); // 20 Nov 2026
    expect(res.status, res.text).toBe(200);
    const page = AdminPage.parse(res.json);
    expect(page.calendar).toMatchObject({ endsOn: '2028-07-23', covered: true, endsSoon: false });
    expect(page.calendar.schoolYear).toBe('2025-26, 2026-27, 2027-28');
  });

  it('gives the banner data within 8 weeks of the end', async () => {
    const june = await apiClient(sys.table, new Date('2028-06-01T08:00:00Z'));
    const page = AdminPage.parse((await june.call('admin', 'GET', '/api/admin')).json);
    expect(page.calendar).toMatchObject({
      endsOn: '2028-07-23',
      weeksLeft: 7,
      endsSoon: true,
      covered: true,
    });
    expect(page.calendar.schoolWeeksLeft).toBe(7);
  });

  it('keeps warning once the calendar has ended', async () => {
    const autumn = await apiClient(sys.table, new Date('2028-09-04T08:00:00Z'));
    const page = AdminPage.parse((await autumn.call('admin', 'GET', '/api/admin')).json);
    expect(page.calendar).toMatchObject({ covered: false, endsSoon: true, schoolWeeksLeft: 0 });
  });

  it('shows the banner data to administrators only', async () => {
    const june = await apiClient(sys.table, new Date('2028-06-01T08:00:00Z'));
    for (const who of ['coachA', 'manager', 'officer', 'front'] as const) {
      expect((await june.call(who, 'GET', '/api/admin')).status).toBe(403);
    }
  });
});
