import { describe, expect, it } from 'vitest';
import { listUnsentMails } from '../../../functions/store/outbox-repository';
import { finishNight, NightNotReady } from '../../../functions/usecases/nightly/finish-night';
import { planNight } from '../../../functions/usecases/nightly/plan-night';
import type { NightlyDeps } from '../../../functions/usecases/nightly/ports';
import { runNightly } from '../../../functions/usecases/nightly/run-nightly';
import { runShard } from '../../../functions/usecases/nightly/run-shard';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { startedForEachTest } from '../../support/started';
import { coachEmail, day, type Harness, type StoreCall, startHarness, studentEmail } from './harness';

const h = startedForEachTest(startHarness);

/** Four students of one coach: two with 16 hours (a report each), two with 8 hours (a signal each). */
const STUDENTS = ['s-ann', 's-bob', 's-cor', 's-dirk'];
async function fourStudents(x: Harness) {
  for (const id of STUDENTS) await x.student(id);
  await x.deliver(
    ...day('s-ann', '2026-09-07'),
    ...day('s-ann', '2026-09-08'),
    ...day('s-bob', '2026-09-08'),
    ...day('s-cor', '2026-09-07'),
    ...day('s-cor', '2026-09-08'),
    ...day('s-dirk', '2026-09-08'),
  );
}

/** What a reader would notice of a run: every mail (reader, subject, text) and every open report. */
async function noticed(x: Harness) {
  const mails = (await x.mails())
    .map((m) => ({ to: m.destination.to.join(','), subject: m.subject, text: m.body.text }))
    .sort((a, b) => `${a.to}${a.subject}`.localeCompare(`${b.to}${b.subject}`));
  const reports = (await listOpenReports(x.table, 'team-ict'))
    .map((r) => [r.studentId, r.from, r.to, r.unauthorizedMinutes])
    .sort();
  return { mails, reports };
}

/** A store call writing this student's drafts (its shard has evaluated it and not yet saved it). */
const draftsOf = (studentId: string) => (command: StoreCall) => {
  const item = (command.input as { Item?: { pk?: string; sk?: string } }).Item;
  return (
    command.constructor.name === 'PutCommand' &&
    !!item?.pk?.startsWith('NIGHTDRAFTS#') &&
    item.sk === studentId
  );
};

/** One student at a time, so that a fault lands after the students before it were saved. */
const oneByOne = (x: Harness): NightlyDeps => ({ ...x.nightlyDeps, concurrency: 1 });

describe('the nightly run in shards', () => {
  it('gives the same reports and mails in three shards as in one: one mail per reader for the whole run', async () => {
    await fourStudents(h);
    const sharded = await runNightly(h.nightlyDeps, '2026-09-08', { shardSize: 2 });
    const other = await startHarness();
    try {
      await fourStudents(other);
      const whole = await runNightly(other.nightlyDeps, '2026-09-08');
      expect(sharded).toEqual(whole);
      expect(await noticed(h)).toEqual(await noticed(other));
    } finally {
      await other.stop();
    }
    expect(sharded).toMatchObject({ candidates: 4, evaluated: 4, mailsQueued: 3 });
    // The coach's two reports came from different shards: still one mail naming both students.
    const toCoach = await h.mailsTo(coachEmail);
    expect(toCoach).toHaveLength(1);
    expect(toCoach[0]?.body.text).toContain('Student s-ann');
    expect(toCoach[0]?.body.text).toContain('Student s-cor');
    // The 16-hour students' 8-hour signals are superseded by their reports: only s-bob and s-dirk hear of 8 hours.
    for (const id of STUDENTS)
      expect(await h.mailsTo(studentEmail(id))).toHaveLength(id === 's-bob' || id === 's-dirk' ? 1 : 0);
  });

  it('a shard failing midway and retried records every mail once, with the same reports', async () => {
    await fourStudents(h);
    const deps = oneByOne(h);
    const plan = await planNight(deps, '2026-09-08');
    expect(plan.shards).toEqual([0]);
    // s-ann and s-bob are evaluated, their drafts stored and their states saved; then the shard fails.
    h.storeFailsWhen(draftsOf('s-cor'));
    await expect(runShard(deps, plan, 0)).rejects.toThrow('injected store failure');
    await expect(finishNight(deps, plan)).rejects.toBeInstanceOf(NightNotReady);
    h.storeRecovers();

    const retried = await runShard(deps, plan, 0);
    expect(retried).toMatchObject({ alreadyDone: false, failedStudents: 0 });
    const finished = await finishNight(deps, plan);
    expect(finished.mailIds).toHaveLength(3);
    expect((await listUnsentMails(h.table)).map((m) => m.id).sort()).toEqual([...finished.mailIds].sort());
    await deps.outbox.flush({ asOf: '2026-09-08' });

    const toCoach = await h.mailsTo(coachEmail);
    expect(toCoach).toHaveLength(1);
    expect(toCoach[0]?.body.text).toContain('Student s-ann');
    expect(toCoach[0]?.body.text).toContain('Student s-cor');
    expect(await h.mailsTo(studentEmail('s-bob'))).toHaveLength(1);
    expect(await h.mailsTo(studentEmail('s-dirk'))).toHaveLength(1);
    expect((await noticed(h)).reports).toEqual([
      ['s-ann', '2026-09-07', '2026-09-08', 960],
      ['s-cor', '2026-09-07', '2026-09-08', 960],
    ]);
  });

  it('a shard that fails after saving every student (marking itself done) and is retried still mails them', async () => {
    await fourStudents(h);
    const deps = oneByOne(h);
    const plan = await planNight(deps, '2026-09-08');
    h.storeFailsWhen(
      (c) => c.constructor.name === 'UpdateCommand' && JSON.stringify(c.input).includes('SHARD#'),
    );
    await expect(runShard(deps, plan, 0)).rejects.toThrow('injected store failure');
    h.storeRecovers();

    expect(await runShard(deps, plan, 0)).toMatchObject({ alreadyDone: false });
    await finishNight(deps, plan);
    await deps.outbox.flush({ asOf: '2026-09-08' });
    expect(await h.mailsTo(coachEmail)).toHaveLength(1);
    expect(await h.mailsTo(studentEmail('s-bob'))).toHaveLength(1);
    expect(await h.mailsTo(studentEmail('s-dirk'))).toHaveLength(1);
    expect((await noticed(h)).mails).toHaveLength(3);
  });

  it('two executions of one shard at once count its students once', async () => {
    await fourStudents(h);
    const plan = await planNight(h.nightlyDeps, '2026-09-08');
    const both = await Promise.all([runShard(h.nightlyDeps, plan, 0), runShard(h.nightlyDeps, plan, 0)]);
    expect(both.map((o) => o.alreadyDone).sort()).toEqual([false, true]);
    expect(await finishNight(h.nightlyDeps, plan)).toMatchObject({ evaluated: 4, mailsQueued: 3 });
  });

  it('a rerun of the same date after it finished changes nothing and sends nothing', async () => {
    await fourStudents(h);
    await h.nightly('2026-09-08');
    const before = await noticed(h);

    const rerun = await h.nightly('2026-09-08');

    expect(rerun).toMatchObject({ mailsQueued: 0, signals: 0, withdrawn: 0, flush: { sent: 0 } });
    expect(await noticed(h)).toEqual(before);
    expect((await planNight(h.nightlyDeps, '2026-09-08')).run).toBe(3);
  });

  it('a rerun of the same date after new changes for it evaluates them', async () => {
    await fourStudents(h);
    await h.nightly('2026-09-08');
    await h.student('s-eva');
    await h.deliver(...day('s-eva', '2026-09-08'));

    const rerun = await h.nightly('2026-09-08');

    expect(rerun).toMatchObject({ signals: 1, mailsQueued: 1 });
    expect(await h.mailsTo(studentEmail('s-eva'))).toHaveLength(1);
    expect(await h.mailsTo(studentEmail('s-bob'))).toHaveLength(1);
  });

  it('the finish step refuses while a shard is not done, and records no mail', async () => {
    await fourStudents(h);
    const plan = await planNight(h.nightlyDeps, '2026-09-08', { shardSize: 2 });
    expect(plan.shards).toEqual([0, 1]);
    await runShard(h.nightlyDeps, plan, 0);

    const refused = await finishNight(h.nightlyDeps, plan).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(NightNotReady);
    expect((refused as NightNotReady).pendingShards).toEqual([1]);
    expect(await listUnsentMails(h.table)).toEqual([]);
  });

  it('planning a date whose run is unfinished resumes that run: done shards are skipped, the others run', async () => {
    await fourStudents(h);
    const first = await planNight(h.nightlyDeps, '2026-09-08', { shardSize: 2 });
    const zero = await runShard(h.nightlyDeps, first, 0);

    const again = await planNight(h.nightlyDeps, '2026-09-08', { shardSize: 2 });

    expect(again).toEqual({ ...first, resumed: true });
    expect(await runShard(h.nightlyDeps, again, 0)).toEqual({ ...zero, alreadyDone: true });
    expect(await runShard(h.nightlyDeps, again, 1)).toMatchObject({ alreadyDone: false, evaluated: 2 });
    expect(await finishNight(h.nightlyDeps, again)).toMatchObject({ run: 1, evaluated: 4, mailsQueued: 3 });
    expect(await planNight(h.nightlyDeps, '2026-09-08')).toMatchObject({ run: 2, resumed: false });
  });

  it('a date without candidates still gets a run without shards, and finishes', async () => {
    const plan = await planNight(h.nightlyDeps, '2026-09-08');
    expect(plan).toMatchObject({ run: 1, shards: [], candidates: 0, resumed: false });
    expect(await finishNight(h.nightlyDeps, plan)).toMatchObject({
      evaluated: 0,
      mailsQueued: 0,
      mailIds: [],
    });
  });
});
