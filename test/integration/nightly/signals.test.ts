import { describe, expect, it } from 'vitest';
import { getReport } from '../../../functions/store/reports-repository';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { startedForEachTest } from '../../support/started';
import { coachEmail, DASHBOARD, day, startHarness, studentEmail } from './harness';

const h = startedForEachTest(startHarness);

describe('the nightly run: 8 hours, then 16 hours', () => {
  it('mails the student at 8 hours and, at 16 hours within 4 school weeks, puts a report in the team list and mails the coach', async () => {
    await h.student('s-anna');
    await h.deliver(...day('s-anna', '2026-09-07'));
    const first = await h.nightly('2026-09-07');
    expect(first.evaluated).toBe(1);

    const toStudent = await h.mailsTo(studentEmail('s-anna'));
    expect(toStudent).toHaveLength(1);
    expect(toStudent[0]?.subject).toBe('Je hebt 8 uur ongeoorloofd verzuim');
    expect(await h.mailsTo(coachEmail)).toHaveLength(0);
    expect(await listOpenReports(h.table, 'team-ict')).toHaveLength(0);

    await h.deliver(...day('s-anna', '2026-09-21'));
    await h.nightly('2026-09-21');

    const open = await listOpenReports(h.table, 'team-ict');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      studentId: 's-anna',
      from: '2026-09-07',
      to: '2026-09-21',
      unauthorizedMinutes: 960,
      status: 'open',
      createdOn: '2026-09-21',
      dueDate: '2026-09-23', // the coach: 2 working days
      duoDeadline: '2026-09-28', // DUO: 5 working days
      absentDays: 2,
      allLessonsMissed: true,
    });
    const toCoach = await h.mailsTo(coachEmail);
    expect(toCoach).toHaveLength(1);
    expect(toCoach[0]?.subject).toBe('16-uursmelding: Student s-anna');
    expect(toCoach[0]?.body.text).toContain(`${DASHBOARD}/#/meldingen/${open[0]?.reportId}`);
    expect(h.bus.published.map((e) => e.type)).toEqual(['signal.sent', 'report.created', 'signal.sent']);
  });

  it('counts school weeks, not calendar weeks: the autumn holiday (17-25 Oct 2026) does not count', async () => {
    await h.student('s-bram');
    await h.deliver(...day('s-bram', '2026-10-05'));
    await h.nightly('2026-10-05');
    // Five calendar weeks later, but the fourth school week because of the holiday.
    await h.deliver(...day('s-bram', '2026-11-06'));
    await h.nightly('2026-11-06');
    const open = await listOpenReports(h.table, 'team-ict');
    expect(open.map((r) => [r.from, r.to])).toEqual([['2026-10-05', '2026-11-06']]);
  });

  it('does not report 16 hours spread over more than 4 school weeks', async () => {
    await h.student('s-cas');
    await h.deliver(...day('s-cas', '2026-09-07'));
    await h.nightly('2026-09-07');
    await h.deliver(...day('s-cas', '2026-10-05'));
    await h.nightly('2026-10-05');
    expect(await listOpenReports(h.table, 'team-ict')).toHaveLength(0);
  });

  it('withdraws a report whose basis disappears after a correction, and tells the coach', async () => {
    await h.student('s-dana');
    await h.deliver(...day('s-dana', '2026-09-07'), ...day('s-dana', '2026-09-08'));
    await h.nightly('2026-09-08');
    const [report] = await listOpenReports(h.table, 'team-ict');
    expect(report).toBeDefined();

    // The front office corrects the second day: she was present after all.
    await h.deliver(...day('s-dana', '2026-09-08', { status: 'present', revision: 1 }));
    const run = await h.nightly('2026-09-09');
    expect(run.withdrawn).toBe(1);
    expect(await listOpenReports(h.table, 'team-ict')).toHaveLength(0);
    expect((await getReport(h.table, report?.reportId ?? ''))?.status).toBe('withdrawn');
    const withdrawn = (await h.mailsTo(coachEmail)).filter((m) =>
      m.subject.startsWith('16-uursmelding ingetrokken'),
    );
    expect(withdrawn).toHaveLength(1);
    expect(h.bus.published.some((e) => e.type === 'report.withdrawn')).toBe(true);
  });

  it('raises a second 16-hour report only after counting restarted the day after the first one ended', async () => {
    await h.student('s-eva');
    await h.deliver(...day('s-eva', '2026-09-07'), ...day('s-eva', '2026-09-08'));
    await h.nightly('2026-09-08');
    await h.deliver(...day('s-eva', '2026-09-09'));
    await h.nightly('2026-09-09');
    expect(await listOpenReports(h.table, 'team-ict')).toHaveLength(1);
    await h.deliver(...day('s-eva', '2026-09-15'));
    await h.nightly('2026-09-15');
    const open = await listOpenReports(h.table, 'team-ict');
    expect(open.map((r) => [r.from, r.to])).toEqual([
      ['2026-09-07', '2026-09-08'],
      ['2026-09-09', '2026-09-15'],
    ]);
  });

  it('skips students with nothing new: a second run for the same date reads no student and sends nothing', async () => {
    await h.student('s-finn');
    // Thursday and Friday: the school week is over, so no window stays open.
    await h.deliver(...day('s-finn', '2026-09-10'), ...day('s-finn', '2026-09-11'));
    const first = await h.nightly('2026-09-11');
    expect(first.evaluated).toBe(1);
    const before = await h.mails();
    expect(before.length).toBeGreaterThan(0);
    const reportsBefore = await listOpenReports(h.table, 'team-ict');
    expect(reportsBefore).toHaveLength(1);
    const again = await h.nightly('2026-09-11');
    expect(again.candidates).toBe(0);
    expect(again.flush.sent).toBe(0);
    expect(await h.mails()).toHaveLength(before.length);
    expect(await listOpenReports(h.table, 'team-ict')).toEqual(reportsBefore);
  });

  it('reads nothing of a student with nothing new, and for a student with new data its changed days and a share of a batch', async () => {
    await h.student('s-ivo');
    await h.student('s-jet');
    await h.deliver(
      ...day('s-ivo', '2026-09-10', { status: 'present' }),
      ...day('s-jet', '2026-09-10', { status: 'present' }),
    );
    await h.nightly('2026-09-11');
    await h.deliver(...day('s-jet', '2026-09-14', { status: 'present' }));

    const queries: string[] = [];
    const batchedKeys: string[] = [];
    const send = h.table.doc.send.bind(h.table.doc) as (command: unknown) => Promise<unknown>;
    (h.table.doc as unknown as { send: typeof send }).send = (command) => {
      const input = (
        command as {
          input: {
            Key?: { pk?: string };
            ExpressionAttributeValues?: Record<string, unknown>;
            RequestItems?: Record<string, { Keys?: Array<{ pk: string }> }>;
          };
        }
      ).input;
      const name = (command as object).constructor.name;
      const pk = input.Key?.pk ?? input.ExpressionAttributeValues?.[':pk'];
      if (typeof pk === 'string' && /Get|Query|Scan/.test(name)) queries.push(pk);
      if (name === 'BatchGetCommand')
        for (const { Keys = [] } of Object.values(input.RequestItems ?? {}))
          batchedKeys.push(...Keys.map((k) => k.pk));
      return send(command);
    };
    const run = await h.nightly('2026-09-14');
    expect(run.evaluated).toBe(1);
    const about = (id: string) => (pk: string) => pk === `STU#${id}` || pk === `STUREG#${id}`;
    expect([...queries, ...batchedKeys].filter(about('s-ivo'))).toEqual([]);
    // Its new day, and the day the last night read (read once more in case the index lagged then:
    // 4 days apart, so a query each); its profile and signal state in a batch read shared with others.
    expect(queries.filter(about('s-jet'))).toEqual(['STUREG#s-jet', 'STUREG#s-jet']);
    expect(batchedKeys.filter(about('s-jet'))).toEqual(['STU#s-jet', 'STU#s-jet']);
  });

  it('sends the 8-hour signal to the guardian of a student under 18 only when the school turns it on', async () => {
    await h.student('s-gijs', { birthDate: '2010-05-01', guardianEmail: 'ouder.gijs@example.nl' });
    await h.student('s-hana', { birthDate: '2010-05-01', guardianEmail: 'ouder.hana@example.nl' });
    await h.deliver(...day('s-gijs', '2026-09-07'));
    await h.nightly('2026-09-07');
    await h.deliver(...day('s-hana', '2026-09-08'));
    await h.nightly('2026-09-08', { mailGuardians: true });
    expect(await h.mailsTo('ouder.gijs@example.nl')).toHaveLength(0);
    const guardian = await h.mailsTo('ouder.hana@example.nl');
    expect(guardian).toHaveLength(1);
    expect(guardian[0]?.subject).toBe('Ongeoorloofd verzuim van Student s-hana');
  });
});
