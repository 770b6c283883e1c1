import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../functions/store/audit-repository';
import { listDaySummaries } from '../../../functions/store/day-summaries';
import { ingestBatch } from '../../../functions/usecases/ingest/ingest-batch';
import { AdminPage, type CalendarDataBody } from '../../../shared/api/admin';
import { defaultCalendarData } from '../../../shared/calendar';
import { presenceEvent } from '../../../shared/contract/events';
import { registrationEvent } from '../../support/webhook';
import { NOW, useSeededApi } from './fixture';

const sys = useSeededApi(); // today: 20 Nov 2026

const page = async () => AdminPage.parse((await sys.api.call('admin', 'GET', '/api/admin')).json);
const bundled = (): CalendarDataBody => structuredClone(defaultCalendarData) as CalendarDataBody;

describe('the administrator edits from the dashboard (issue 13: "Administrator")', () => {
  it('posts a notice on each date of a range, in Dutch and English, and withdraws one; each audited', async () => {
    const posted = await sys.api.call('admin', 'POST', '/api/admin/notices', {
      from: '2026-12-01',
      to: '2026-12-02',
      kind: 'severe_weather',
      text: 'Code rood: de school is dicht.',
      textEn: 'Code red: the school is closed.',
    });
    expect(posted.status, posted.text).toBe(200);
    expect(posted.json).toEqual({ dates: ['2026-12-01', '2026-12-02'] });
    expect((await page()).notices).toEqual([
      expect.objectContaining({
        date: '2026-12-01',
        kind: 'severe_weather',
        textEn: 'Code red: the school is closed.',
        source: 'admin',
      }),
      expect.objectContaining({ date: '2026-12-02', text: 'Code rood: de school is dicht.' }),
    ]);

    const withdrawn = await sys.api.call('admin', 'POST', '/api/admin/notices/withdraw', {
      date: '2026-12-01',
      kind: 'severe_weather',
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect((await page()).notices.map((n) => n.date)).toEqual(['2026-12-02']);
    const trail = await listAudit(sys.table, 'notice', '2026-12-01#severe_weather');
    // The test's clock stands still, so both entries carry the same time: find each by what it records.
    const posted1 = trail.find((e) => e.what === 'notice posted');
    const withdrawn1 = trail.find((e) => e.what === 'notice withdrawn');
    expect(trail).toHaveLength(2);
    expect(posted1).toMatchObject({
      by: 'adm-1',
      before: null,
      after: { text: 'Code rood: de school is dicht.' },
    });
    expect(withdrawn1).toMatchObject({
      by: 'adm-1',
      before: { text: 'Code rood: de school is dicht.' },
      after: null,
    });
    // Withdrawn already: there is nothing left to withdraw.
    expect(
      (
        await sys.api.call('admin', 'POST', '/api/admin/notices/withdraw', {
          date: '2026-12-01',
          kind: 'severe_weather',
        })
      ).status,
    ).toBe(404);
  });

  it("a severe-weather notice authorizes that date's stored severe-weather absences; withdrawn, they count again", async () => {
    const date = '2026-11-17';
    // Delivered through the webhook's ingestion before any notice: unauthorized.
    await ingestBatch(
      { store: sys.table, retentionYears: 5, now: () => NOW },
      {
        deliveryId: 'storm-delivery',
        events: [
          presenceEvent.parse(
            registrationEvent({
              registrationId: 'r-storm',
              studentId: 's-a',
              date,
              reason: 'severe_weather',
            }),
          ),
        ],
      },
    );
    const day = async () => (await listDaySummaries(sys.table, 's-a', date, date))[0]?.summary;
    expect(await day()).toMatchObject({ unauthorizedMinutes: 90, authorizedMinutes: 0 });

    const posted = await sys.api.call('admin', 'POST', '/api/admin/notices', {
      from: date,
      kind: 'severe_weather',
      text: 'Code rood: blijf thuis.',
    });
    expect(posted.status, posted.text).toBe(200);
    expect(await day()).toMatchObject({ unauthorizedMinutes: 0, authorizedMinutes: 90 });
    expect(await listAudit(sys.table, 'notice', `${date}#severe_weather`)).toEqual([
      expect.objectContaining({ what: 'notice posted', before: null }),
    ]);

    const withdrawn = await sys.api.call('admin', 'POST', '/api/admin/notices/withdraw', {
      date,
      kind: 'severe_weather',
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(await day()).toMatchObject({ unauthorizedMinutes: 90, authorizedMinutes: 0 });
  });

  it('refuses a calendar with a gap, naming its dates in Dutch, and stores nothing', async () => {
    const calendar = bundled();
    calendar.years.splice(1, 1); // 2026-27 left out: nothing between 10 Jul 2026 and 30 Aug 2027
    const res = await sys.api.call('admin', 'POST', '/api/admin/calendar', { version: 0, calendar });
    expect(res.status).toBe(422);
    expect(res.json.error).toContain('Gat in de kalender: van 11-07-2026 tot en met 29-08-2027');
    expect(res.json.issues).toEqual([expect.objectContaining({ code: 'yearGap' })]);
    expect((await page()).calendar.version).toBe(0);
  });

  it('stores a study day and a new school year; the page shows them with the summer holiday, from the next night', async () => {
    const before = await page();
    const calendar = before.calendar.data;
    calendar.extraDaysOff.push({ date: '2027-03-10', name: 'Studiedag team' });
    calendar.years.push({
      id: '2028-29',
      firstDay: '2028-08-28',
      lastDay: '2029-07-13',
      holidays: [{ name: 'Herfstvakantie', from: '2028-10-14', to: '2028-10-22' }],
    });
    const res = await sys.api.call('admin', 'POST', '/api/admin/calendar', { version: 0, calendar });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ version: 1 });

    const after = await page();
    expect(after.calendar.version).toBe(1);
    expect(after.calendar.endsOn).toBe('2029-07-15');
    expect(after.calendar.schoolYear).toBe('2025-26, 2026-27, 2027-28, 2028-29');
    const year = after.calendar.years.find((y) => y.id === '2026-27');
    expect(year?.studyDays).toEqual([{ date: '2027-03-10', name: 'Studiedag team' }]);
    expect(year?.summer).toEqual({ from: '2027-07-17', to: '2027-08-29' });
    expect(year?.publicHolidays.map((d) => d.name)).toContain('Koningsdag');
    const trail = await listAudit(sys.table, 'setting', 'calendar');
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ by: 'adm-1', what: 'school calendar edited' });
    const [entry] = trail;
    expect((entry?.before as CalendarDataBody | undefined)?.extraDaysOff).toEqual([]);
    expect((entry?.after as { data: CalendarDataBody } | undefined)?.data.years).toHaveLength(4);

    // A second administrator saving from the version both read is refused, not overwritten.
    const stale = await sys.api.call('admin', 'POST', '/api/admin/calendar', { version: 0, calendar });
    expect(stale.status).toBe(409);
  });

  it("changes a norm profile's own thresholds, and refuses the law's 16 hours and values out of bounds", async () => {
    const { normProfilesVersion, normProfiles } = await page();
    const standard = normProfiles.find((p) => p.id === 'standard');
    expect(standard?.editable).not.toContain('reportMinutes');
    const ok = await sys.api.call('admin', 'POST', '/api/admin/norm-profiles/standard', {
      version: normProfilesVersion,
      values: { signalMinutes: 420, frequentCount: 5 },
    });
    expect(ok.status, ok.text).toBe(200);
    const changed = (await page()).normProfiles.find((p) => p.id === 'standard');
    expect(changed?.values).toMatchObject({ signalMinutes: 420, frequentCount: 5, reportMinutes: 960 });
    const trail = await listAudit(sys.table, 'setting', 'norm-profiles');
    expect(trail[0]?.before).toMatchObject({ standard: { signalMinutes: 480 } });

    const law = await sys.api.call('admin', 'POST', '/api/admin/norm-profiles/standard', {
      version: ok.json.version,
      values: { reportMinutes: 1200 },
    });
    expect(law.status).toBe(422);
    expect(law.json.error).toContain('is niet te wijzigen');
    const bounds = await sys.api.call('admin', 'POST', '/api/admin/norm-profiles/standard', {
      version: ok.json.version,
      values: { reportDueWorkingDays: 5 },
    });
    expect(bounds.status).toBe(422);
    expect(bounds.json.error).toContain('moet tussen 1 en 4 liggen');
    // Route-X's hour norm is the school's own: it may change.
    const routeX = await sys.api.call('admin', 'POST', '/api/admin/norm-profiles/route-x', {
      version: ok.json.version,
      values: { reportMinutes: 600 },
    });
    expect(routeX.status, routeX.text).toBe(200);
  });

  it('answers 403 to everyone but the administrator', async () => {
    const calls: [string, unknown][] = [
      ['/api/admin/notices', { from: '2026-12-03', kind: 'info', text: 'x' }],
      ['/api/admin/notices/withdraw', { date: '2026-12-02', kind: 'severe_weather' }],
      ['/api/admin/calendar', { version: 0, calendar: bundled() }],
      ['/api/admin/norm-profiles/standard', { version: 0, values: { signalMinutes: 300 } }],
    ];
    for (const who of ['coachA', 'manager', 'officer', 'front'] as const)
      for (const [path, body] of calls)
        expect((await sys.api.call(who, 'POST', path, body)).status).toBe(403);
  });
});
