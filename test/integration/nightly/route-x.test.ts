import { describe, expect, it } from 'vitest';
import { kpiPage } from '../../../functions/api/queries/kpi';
import { latestKpiSnapshot } from '../../../functions/store/kpi-snapshots-repository';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { startedForEachTest } from '../../support/started';
import { coachEmail, day, startHarness, studentEmail } from './harness';

/** Route-X: the school's internal norm (footnote to 4.1), outside the legal KPI and the law's words. */
const h = startedForEachTest(startHarness);

const LEGAL_WORDS = [/duo/i, /16[ -]?(uur|hour)/i, /16-uursmelding/i];
const noLegalWords = (text: string) => LEGAL_WORDS.filter((w) => w.test(text)).map(String);

describe('Route-X reports in the nightly run', () => {
  it('keeps a Route-X report out of the legal KPI and counts it apart, per unit and up the tree', async () => {
    await h.student('s-lars');
    await h.student('s-xena', { routeX: true });
    await h.deliver(
      ...day('s-lars', '2026-09-10'),
      ...day('s-lars', '2026-09-11'),
      ...day('s-xena', '2026-09-11'),
    );
    await h.nightly('2026-09-11');
    const open = await listOpenReports(h.table, 'team-ict');
    expect(open.map((r) => [r.studentId, r.routeX]).sort()).toEqual([
      ['s-lars', false],
      ['s-xena', true],
    ]);
    const legal = open.find((r) => !r.routeX);
    for (const unit of ['team-ict', 'dep-tech', 'inst']) {
      expect(await latestKpiSnapshot(h.table, unit)).toMatchObject({
        date: '2026-09-11',
        norm: 1,
        realisation: 0,
        colour: 'red',
        unhandled: [legal?.reportId],
        routeX: { norm: 1, realisation: 0 },
      });
    }
    // The KPI page (the API's query): the legal figures and the Route-X figure beside them.
    const page = await kpiPage(h.table, new Date('2026-09-12T08:00:00Z'));
    expect(page.asOf).toBe('2026-09-11');
    expect(page.units.find((u) => u.orgUnitId === 'team-ict')).toMatchObject({
      norm: 1,
      realised: 0,
      percentage: 0,
      routeXNorm: 1,
      routeXRealised: 0,
    });
  });

  it('gives a unit with only Route-X reports no legal figure and no colour', async () => {
    await h.student('s-xena', { routeX: true });
    await h.deliver(...day('s-xena', '2026-09-11'));
    await h.nightly('2026-09-11');
    expect(await latestKpiSnapshot(h.table, 'team-ict')).toMatchObject({
      norm: 0,
      percentage: null,
      colour: 'none',
      routeX: { norm: 1, realisation: 0 },
    });
  });

  it("tells the coach of a Route-X report without a word about DUO or 16 hours, apart from a 16-hour report's mail", async () => {
    await h.student('s-lars');
    await h.student('s-xena', { routeX: true });
    await h.deliver(
      ...day('s-lars', '2026-09-10'),
      ...day('s-lars', '2026-09-11'),
      ...day('s-xena', '2026-09-11'),
    );
    await h.nightly('2026-09-11');
    const mails = await h.mailsTo(coachEmail);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      '16-uursmelding: Student s-lars',
      'Route-X, actie gevraagd: Student s-xena',
    ]);
    const routeX = mails.find((m) => m.subject.startsWith('Route-X'));
    expect(routeX?.body.text).toContain('Route-X');
    expect(noLegalWords(`${routeX?.subject}\n${routeX?.body.text}\n${routeX?.body.html}`)).toEqual([]);
    expect(routeX?.body.text).not.toContain('s-lars');
  });

  it('tells a Route-X student of their hours without a word about DUO', async () => {
    await h.student('s-xena', { routeX: true });
    await h.deliver(...day('s-xena', '2026-09-11', { lessons: 2 }));
    await h.nightly('2026-09-11');
    const [mail] = await h.mailsTo(studentEmail('s-xena'));
    expect(mail?.body.text).toContain('Bij 8 uur ongeoorloofd verzuim krijgt je coach een melding.');
    expect(noLegalWords(`${mail?.subject}\n${mail?.body.text}`)).toEqual([]);
  });

  it('withdraws a Route-X report after a correction with its own mail, not the 16-hour one', async () => {
    await h.student('s-xena', { routeX: true });
    await h.deliver(...day('s-xena', '2026-09-07'));
    await h.nightly('2026-09-07');
    expect(await listOpenReports(h.table, 'team-ict')).toHaveLength(1);
    await h.deliver(...day('s-xena', '2026-09-07', { status: 'present', revision: 1, lessons: 1 }));
    const run = await h.nightly('2026-09-08');
    expect(run.withdrawn).toBe(1);
    const withdrawn = (await h.mailsTo(coachEmail)).filter((m) => m.subject.startsWith('Route-X, vervallen'));
    expect(withdrawn).toHaveLength(1);
    expect(noLegalWords(`${withdrawn[0]?.subject}\n${withdrawn[0]?.body.text}`)).toEqual([]);
  });
});
