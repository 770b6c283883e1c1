import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listNightlyFailures } from '../../../functions/store/nightly-failures';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { coachEmail, day, type Harness, startHarness, studentEmail } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

/** Reading this student's days fails: an injected fault in one student's evaluation. */
const readingDaysOf = (studentId: string) => (command: { input: unknown }) =>
  JSON.stringify(command.input).includes(`STUREG#${studentId}`);

describe('one student failing in the nightly run', () => {
  it('does not stop the others: they are evaluated and mailed; the failure is recorded and counted', async () => {
    await h.student('s-good');
    await h.student('s-bad');
    await h.deliver(...day('s-good', '2026-09-07'), ...day('s-bad', '2026-09-07'));
    h.storeFailsWhen(readingDaysOf('s-bad'));

    const result = await h.nightly('2026-09-07');

    expect(result).toMatchObject({ candidates: 2, evaluated: 1, failedStudents: 1 });
    expect(await h.mailsTo(studentEmail('s-good'))).toHaveLength(1);
    expect(await h.mailsTo(studentEmail('s-bad'))).toHaveLength(0);
    expect(await listNightlyFailures(h.table)).toEqual([
      {
        studentId: 's-bad',
        asOf: '2026-09-07',
        dates: ['2026-09-07'],
        attempts: 1,
        error: 'InjectedFault: injected store failure',
      },
    ]);
  });

  it('evaluates the failed student again on the next run, with the days it missed, and then forgets the failure', async () => {
    await h.student('s-good');
    await h.student('s-bad');
    await h.deliver(...day('s-good', '2026-09-07'), ...day('s-bad', '2026-09-07'));
    h.storeFailsWhen(readingDaysOf('s-bad'));
    await h.nightly('2026-09-07');
    await h.nightly('2026-09-08');
    expect((await listNightlyFailures(h.table))[0]).toMatchObject({ attempts: 2, asOf: '2026-09-08' });

    h.storeRecovers();
    // A second day of absence: the 16 hours include the day whose evaluation failed twice.
    await h.deliver(...day('s-bad', '2026-09-09'));
    const recovered = await h.nightly('2026-09-09');

    expect(recovered).toMatchObject({ failedStudents: 0 });
    expect(await listNightlyFailures(h.table)).toEqual([]);
    expect((await listOpenReports(h.table, 'team-ict')).map((r) => [r.studentId, r.from, r.to])).toEqual([
      ['s-bad', '2026-09-07', '2026-09-09'],
    ]);
    expect(await h.mailsTo(coachEmail)).toHaveLength(1);
  });

  it('a rerun of the same date evaluates the failed student', async () => {
    await h.student('s-bad');
    await h.deliver(...day('s-bad', '2026-09-07'));
    h.storeFailsWhen(readingDaysOf('s-bad'));
    await h.nightly('2026-09-07');
    h.storeRecovers();

    const rerun = await h.nightly('2026-09-07');

    expect(rerun).toMatchObject({ evaluated: 1, failedStudents: 0 });
    expect(await h.mailsTo(studentEmail('s-bad'))).toHaveLength(1);
    expect(await listNightlyFailures(h.table)).toEqual([]);
  });
});
