/**
 * Scenario tests for the three window rules of issue 10 (shared/policy/README.md, "Choices the
 * policy leaves open"): the 4-week signal counted in school days, the rolling 16-hour window, and
 * DUO's 7-day limit only while the absence is continuous. Every registration goes through the
 * real webhook handler (signed deliveries); every night is a real nightly run on dynalite, with
 * the mails in aws-ses-v2-local.
 *
 * Unless a test says otherwise, it runs as the scheduler does: every calendar night (weekends and
 * holidays included), each school day's registrations delivered that evening before the run.
 */
import { describe, expect, it } from 'vitest';
import { listTasksForRole } from '../../../functions/store/tasks-repository';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { addDays, defaultCalendar as calendar, toDay, weekday } from '../../../shared/calendar';
import { startedForEachTest } from '../../support/started';
import { coachEmail, day, officerEmail, startHarness } from './harness';

const h = startedForEachTest(startHarness);

/** A month of nights, each a webhook delivery and a nightly run: about 25 s on a quiet machine. */
const NIGHT_BY_NIGHT_TIMEOUT = 180_000;

type Day = { status: 'absent' | 'present'; lessons?: number };

/** The first n school days from `first` on (inclusive), from the bundled calendar. */
function schoolDaysFrom(first: string, n: number): string[] {
  const out: string[] = [];
  for (let d = first; out.length < n; d = addDays(d, 1)) if (calendar.isSchoolDay(d)) out.push(d);
  return out;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const weekdayOf = (d: string) => WEEKDAYS[weekday(toDay(d))];

/**
 * Every night from `from` to `to` (inclusive), as the scheduler runs: the day's registrations
 * (if `plan` has any for it) arrive through the webhook in the evening, then the nightly run.
 * `after` is called after each night, to look at what a user would see by then.
 */
async function nights(
  studentId: string,
  from: string,
  to: string,
  plan: (date: string) => Day | null,
  after?: (date: string) => Promise<void>,
): Promise<void> {
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const registered = plan(date);
    if (registered) await h.deliver(...day(studentId, date, registered));
    await h.nightly(date);
    await after?.(date);
  }
}

const fourWeekTasks = async () =>
  (await listTasksForRole(h.table, 'attendance_officer', 'open')).filter((t) => t.kind === 'signal4w');
const fourWeekMails = async () =>
  (await h.mailsTo(officerEmail)).filter((m) => m.subject.startsWith('4-wekensignaal'));
const reportMails = async () =>
  (await h.mailsTo(coachEmail)).filter((m) => m.subject.startsWith('16-uursmelding:'));
const reports = async () =>
  (await listOpenReports(h.table, 'team-ict'))
    .map((r) => ({
      from: r.from,
      to: r.to,
      unauthorizedMinutes: r.unauthorizedMinutes,
      createdOn: r.createdOn,
      duoDeadline: r.duoDeadline,
    }))
    .sort((a, b) => a.from.localeCompare(b.from));

describe('4.2: the 4-week signal counts school days', () => {
  it(
    '4.2: an absence that starts on a Wednesday gives the 4-week task on its 20th school day, not before',
    async () => {
      await h.student('s-wies');
      const first = '2026-09-02';
      expect(weekdayOf(first)).toBe('Wednesday');
      const run = schoolDaysFrom(first, 21);
      // No holiday in between: 2 Sep to 29 Sep are 20 school days, so the calendar agrees with these dates.
      expect(run[18]).toBe('2026-09-28'); // the 19th school day, a Monday
      expect(run[19]).toBe('2026-09-29'); // the 20th school day, a Tuesday (not a whole Monday-aligned week yet)
      const truant = (d: string): Day | null => (run.includes(d) ? { status: 'absent' } : null);

      await nights('s-wies', first, run[18] as string, truant, async (date) => {
        expect(await fourWeekTasks(), `no 4-week task on the night of ${date}`).toEqual([]);
      });
      expect(await fourWeekMails()).toEqual([]);

      await nights('s-wies', run[19] as string, run[19] as string, truant);
      const tasks = await fourWeekTasks();
      expect(tasks.map((t) => [t.studentId, t.createdOn, t.taskId])).toEqual([
        ['s-wies', '2026-09-29', 's-wies_signal4w_2026-09-02'],
      ]);
      const mails = await fourWeekMails();
      expect(mails.map((m) => [m.destination.to, m.subject])).toEqual([
        [[officerEmail], '4-wekensignaal: Student s-wies'],
      ]);
      expect(mails[0]?.body.text).toContain('van 2 september 2026 tot en met 29 september 2026');

      // Still away the next day, and the Friday the fourth Monday-aligned week is over: one signal per run.
      await nights('s-wies', run[20] as string, '2026-10-02', truant);
      expect(await fourWeekTasks()).toHaveLength(1);
      expect(await fourWeekMails()).toHaveLength(1);
    },
    NIGHT_BY_NIGHT_TIMEOUT,
  );

  it(
    '4.2: the autumn holiday neither counts nor breaks a 4-week run',
    async () => {
      await h.student('s-olaf');
      const first = '2026-10-07'; // a Wednesday; the autumn holiday is 17-25 Oct 2026
      const run = schoolDaysFrom(first, 20);
      for (const holiday of ['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23'])
        expect(calendar.isSchoolDay(holiday)).toBe(false);
      expect(run[18]).toBe('2026-11-09'); // the 19th school day
      expect(run[19]).toBe('2026-11-10'); // the 20th school day
      // Were the holiday's weekdays counted, Tuesday 3 November would be the 20th day.
      const weekdays: string[] = [];
      for (let d = first; weekdays.length < 20; d = addDays(d, 1))
        if (weekday(toDay(d)) < 5) weekdays.push(d);
      expect(weekdays[19]).toBe('2026-11-03');
      const truant = (d: string): Day | null => (run.includes(d) ? { status: 'absent' } : null);

      // Night by night through the holiday too: the scheduler does not stop for it.
      await nights('s-olaf', first, run[18] as string, truant, async (date) => {
        expect(await fourWeekTasks(), `no 4-week task on the night of ${date}`).toEqual([]);
      });
      expect(await fourWeekMails()).toEqual([]);

      await nights('s-olaf', run[19] as string, run[19] as string, truant);
      expect((await fourWeekTasks()).map((t) => [t.studentId, t.createdOn, t.taskId])).toEqual([
        ['s-olaf', '2026-11-10', 's-olaf_signal4w_2026-10-07'],
      ]);
      const mails = await fourWeekMails();
      expect(mails.map((m) => m.subject)).toEqual(['4-wekensignaal: Student s-olaf']);
      expect(mails[0]?.body.text).toContain('van 7 oktober 2026 tot en met 10 november 2026');
    },
    NIGHT_BY_NIGHT_TIMEOUT,
  );
});

describe('Lpw 21a: the 16-hour window rolls by school day', () => {
  it(
    'Lpw 21a: 16 hours within a rolling window that straddles two Monday-aligned blocks is a report, on the day of the 16th hour',
    async () => {
      await h.student('s-roos');
      // Half days away (two 2-hour lessons) on Thursday 3 and Friday 25 September, a whole day
      // (8 hours) on Wednesday 30 September; at school on every other school day.
      const absent: Record<string, number> = { '2026-09-03': 2, '2026-09-25': 2, '2026-09-30': 4 };
      const hoursOn = (d: string) => (absent[d] ?? 0) * 2;
      // No block of 4 Monday-aligned school weeks holds 16 of these hours (the old rule missed it) ...
      for (let d = '2026-08-31'; d <= '2026-10-25'; d = addDays(d, 7)) {
        const block = calendar.schoolWeeksEndingOn(d, 4);
        const hours = Object.keys(absent)
          .filter((a) => a >= block.from && a <= block.to)
          .reduce((sum, a) => sum + hoursOn(a), 0);
        expect(hours, `4 school weeks ${block.from} to ${block.to}`).toBeLessThan(16);
      }
      // ... but the 4 school weeks ending on Wednesday 30 September run from Thursday 3 September
      // (the day after Wednesday 2 September, 4 school weeks back) and hold all 16.
      expect(weekdayOf('2026-09-30')).toBe('Wednesday');

      await nights(
        's-roos',
        '2026-09-01',
        '2026-10-02',
        (d) => {
          if (!calendar.isSchoolDay(d)) return null;
          return absent[d] ? { status: 'absent', lessons: absent[d] } : { status: 'present' };
        },
        async (date) => {
          if (date < '2026-09-30') expect(await reports(), `no report on the night of ${date}`).toEqual([]);
        },
      );

      const due = calendar.addWorkingDays('2026-09-30', 5);
      expect(due).toBe('2026-10-07');
      expect(await reports()).toEqual([
        {
          from: '2026-09-03',
          to: '2026-09-30',
          unauthorizedMinutes: 960,
          createdOn: '2026-09-30',
          duoDeadline: due,
        },
      ]);
      const mails = await reportMails();
      expect(mails.map((m) => [m.destination.to, m.subject])).toEqual([
        [[coachEmail], '16-uursmelding: Student s-roos'],
      ]);
      expect(mails[0]?.body.text).toContain('3 september 2026 tot en met 30 september 2026');
      expect(mails[0]?.body.text).toContain('uiterlijk 2 oktober 2026'); // the coach's term: 2 working days
    },
    NIGHT_BY_NIGHT_TIMEOUT,
  );

  it(
    'Lpw 21a: the window ending on a Wednesday starts on the Thursday 4 school weeks back, so the Wednesday before does not count',
    async () => {
      await h.student('s-pim');
      // 8 hours on Wednesday 2 September and 8 on Wednesday 30 September: 28 days apart, just outside.
      const absent = ['2026-09-02', '2026-09-30'];
      await nights('s-pim', '2026-09-01', '2026-10-02', (d) => {
        if (!calendar.isSchoolDay(d)) return null;
        return { status: absent.includes(d) ? 'absent' : 'present' };
      });
      expect(await reports()).toEqual([]);
      expect(await reportMails()).toEqual([]);
    },
    NIGHT_BY_NIGHT_TIMEOUT,
  );
});

describe("DUO's 7-day limit applies only while the absence is continuous", () => {
  it('DUO 7-day limit: a student who came back between two reports gets the second report on the day of its 16th hour, due at DUO 5 working days later', async () => {
    await h.student('s-mila');
    // Away Monday and Tuesday (report 1), back on Wednesday, away Thursday and Friday.
    const plan: Record<string, Day['status']> = {
      '2026-09-07': 'absent',
      '2026-09-08': 'absent',
      '2026-09-09': 'present',
      '2026-09-10': 'absent',
      '2026-09-11': 'absent',
      '2026-09-14': 'present',
      '2026-09-15': 'present',
    };
    await nights(
      's-mila',
      '2026-09-07',
      '2026-09-15',
      (d) => (plan[d] ? { status: plan[d] } : null),
      async (date) => {
        if (date === '2026-09-10') expect(await reports()).toHaveLength(1);
      },
    );
    // The second 16 hours are reached on Friday 11 September, 3 days after the first report.
    expect(calendar.addWorkingDays('2026-09-11', 5)).toBe('2026-09-18');
    expect(await reports()).toEqual([
      {
        from: '2026-09-07',
        to: '2026-09-08',
        unauthorizedMinutes: 960,
        createdOn: '2026-09-08',
        duoDeadline: '2026-09-15',
      },
      {
        from: '2026-09-10',
        to: '2026-09-11',
        unauthorizedMinutes: 960,
        createdOn: '2026-09-11',
        duoDeadline: '2026-09-18',
      },
    ]);
    const mails = await reportMails();
    expect(mails).toHaveLength(2);
    expect(
      mails.map((m) => m.body.text).find((t) => t.includes('10 september 2026 tot en met 11 september 2026')),
    ).toContain('uiterlijk 15 september 2026'); // the coach's term: 2 working days
  });

  it('DUO 7-day limit, continuous absence: the second report waits until 7 days after the first, and the days until then join it', async () => {
    await h.student('s-noor');
    // Away every school day from Monday 7 to Tuesday 15 September.
    const away = schoolDaysFrom('2026-09-07', 7);
    expect(away).toEqual([
      '2026-09-07',
      '2026-09-08',
      '2026-09-09',
      '2026-09-10',
      '2026-09-11',
      '2026-09-14',
      '2026-09-15',
    ]);
    await nights(
      's-noor',
      '2026-09-07',
      '2026-09-15',
      (d) => (away.includes(d) ? { status: 'absent' } : null),
      async (date) => {
        // 16 more hours on Thursday 10 September, but the first report was made on the 8th.
        if (date >= '2026-09-08' && date < '2026-09-15')
          expect(
            (await reports()).map((r) => r.createdOn),
            `night of ${date}`,
          ).toEqual(['2026-09-08']);
      },
    );
    expect(addDays('2026-09-08', 7)).toBe('2026-09-15');
    expect(await reports()).toEqual([
      {
        from: '2026-09-07',
        to: '2026-09-08',
        unauthorizedMinutes: 960,
        createdOn: '2026-09-08',
        duoDeadline: '2026-09-15',
      },
      // 9, 10, 11, 14 and 15 September: 5 days of 8 hours.
      {
        from: '2026-09-09',
        to: '2026-09-15',
        unauthorizedMinutes: 2400,
        createdOn: '2026-09-15',
        duoDeadline: '2026-09-22',
      },
    ]);
    const mails = await reportMails();
    expect(mails).toHaveLength(2);
    expect(mails.some((m) => m.body.text.includes('9 september 2026 tot en met 15 september 2026'))).toBe(
      true,
    );
  });

  it('DUO 7-day limit, continuous absence that stops before the 7 days are up: the waiting report is still made on the 7th day, without new data', async () => {
    await h.student('s-ties');
    const plan: Record<string, Day['status']> = {
      '2026-09-07': 'absent',
      '2026-09-08': 'absent',
      '2026-09-09': 'absent',
      '2026-09-10': 'absent',
      '2026-09-11': 'absent',
      '2026-09-14': 'present', // back only after the 16 hours of 9-10 September were reached
    };
    await nights('s-ties', '2026-09-07', '2026-09-14', (d) => (plan[d] ? { status: plan[d] } : null));
    expect((await reports()).map((r) => r.createdOn)).toEqual(['2026-09-08']);

    // Nothing delivered on Tuesday 15 September: the run comes back to the student by itself.
    const run = await h.nightly('2026-09-15');
    expect(run.candidates).toBe(1);
    // DUO's 5 working days run from the day DUO lets it be made, not from its last day of absence:
    // counted from 11 September the school would have had 3 working days.
    expect(
      (await reports()).map((r) => [r.from, r.to, r.unauthorizedMinutes, r.createdOn, r.duoDeadline]),
    ).toEqual([
      ['2026-09-07', '2026-09-08', 960, '2026-09-08', '2026-09-15'],
      ['2026-09-09', '2026-09-11', 1440, '2026-09-15', '2026-09-22'],
    ]);
    expect(await reportMails()).toHaveLength(2);
  });
});
