import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventBus } from '../../../functions/events/types';
import { listAudit } from '../../../functions/store/audit-repository';
import { getReport } from '../../../functions/store/reports-repository';
import { applyReportAction } from '../../../functions/usecases/reports/actions';
import { coach, day, type Harness, openReportOf, startHarness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

/** The bus is down: the process stops between the change and its publish (an injected crash). */
const downBus: EventBus = { publish: () => Promise.reject(new Error('EventBridge unavailable')) };

const openReport = (studentId: string) => openReportOf(h, studentId);

const handled = () => h.bus.published.filter((e) => e.type === 'report.handled');

describe('domain events go through the outbox', () => {
  it('an action whose publish fails loses no event: the next sweep delivers it once, under its outbox id', async () => {
    const report = await openReport('s-ev');
    await applyReportAction(
      { ...h.reportDeps(), bus: downBus },
      {
        reportId: report.reportId,
        action: 'duo',
        explanation: 'Gemeld',
        suspectedReason: 'motivatie',
        actor: coach,
        now: new Date('2026-09-14T08:00:00Z'),
      },
    ).catch(() => undefined);
    expect((await getReport(h.table, report.reportId))?.status).toBe('handled');
    expect(handled()).toEqual([]);

    await h.nightly('2026-09-14');
    await h.nightly('2026-09-15');

    expect(handled()).toEqual([
      expect.objectContaining({
        type: 'report.handled',
        reportId: report.reportId,
        eventId: expect.any(String),
      }),
    ]);
  });

  it('a nightly run whose publish fails loses no event: the next run delivers each once', async () => {
    await h.student('s-night');
    await h.deliver(...day('s-night', '2026-09-10'), ...day('s-night', '2026-09-11'));
    await expect(h.nightlyDeps && runWith(downBus, '2026-09-11')).rejects.toThrow('EventBridge unavailable');
    expect(h.bus.published).toEqual([]);

    await h.nightly('2026-09-12');
    await h.nightly('2026-09-13');

    expect(h.bus.published.map((e) => e.type).sort()).toEqual(['report.created', 'signal.sent']);
    expect(new Set(h.bus.published.map((e) => (e as { eventId?: string }).eventId)).size).toBe(2);
  });

  it('never stores a change without its audit entry: a failed entry write keeps the change out too', async () => {
    const report = await openReport('s-audit');
    const command = {
      reportId: report.reportId,
      action: 'duo' as const,
      suspectedReason: 'motivatie',
      explanation: 'Gesprek gevoerd',
      actor: coach,
      now: new Date('2026-09-14T08:00:00Z'),
    };
    // Whatever carries the audit entry fails once.
    let failures = 0;
    h.storeFailsWhen((call) => {
      const about = JSON.stringify(call.input).includes(`"AUDIT#report#${report.reportId}"`);
      if (about && failures === 0) failures++;
      return about && failures === 1;
    });
    const store = h.nightlyDeps.store;
    await expect(applyReportAction({ ...h.reportDeps(), store }, command)).rejects.toThrow('injected');
    h.storeRecovers();
    const stored = await getReport(h.table, report.reportId);
    const trail = await listAudit(h.table, 'report', report.reportId);
    // Before: the report handled without an entry saying who did it. Now: neither, or both.
    expect([stored?.status, trail.filter((e) => e.by === coach.staffId).length]).toEqual(['open', 0]);

    await applyReportAction({ ...h.reportDeps(), store }, command);
    expect((await getReport(h.table, report.reportId))?.status).toBe('handled');
    expect(
      (await listAudit(h.table, 'report', report.reportId)).filter((e) => e.by === coach.staffId),
    ).toHaveLength(1);
    expect(handled()).toHaveLength(1);
  });
});

function runWith(bus: EventBus, date: string) {
  return import('../../../functions/usecases/nightly/run-nightly').then(({ runNightly }) =>
    runNightly({ ...h.nightlyDeps, bus }, date),
  );
}
