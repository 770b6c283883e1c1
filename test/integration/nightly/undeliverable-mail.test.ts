import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAIL_REFUSALS_BEFORE_GIVING_UP } from '../../../functions/mail/outbox';
import { listUnsentMails } from '../../../functions/store/outbox-repository';
import { listTasksForRole } from '../../../functions/store/tasks-repository';
import { day, type Harness, startHarness, studentEmail } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const NIGHTS = ['2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11'];

describe('a mail SES refuses for good', () => {
  it(`is tried ${MAIL_REFUSALS_BEFORE_GIVING_UP} nights, then becomes one task for an administrator and is never tried again`, async () => {
    expect(MAIL_REFUSALS_BEFORE_GIVING_UP).toBe(3);
    await h.student('s-nomail');
    const refused = h.sesRefuses([studentEmail('s-nomail')]);
    await h.deliver(...day('s-nomail', '2026-09-07'));

    const flushes = [];
    for (const night of NIGHTS) flushes.push((await h.nightly(night)).flush);

    expect(refused()).toBe(3);
    expect(flushes.map((f) => [f.failed, f.givenUp])).toEqual([
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 0],
      [0, 0],
    ]);
    expect(await listUnsentMails(h.table)).toEqual([]);
    const tasks = await listTasksForRole(h.table, 'admin', 'open');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ kind: 'undeliverable_mail', role: 'admin', createdOn: '2026-09-09' });
    expect(tasks[0]?.explanation).toContain(studentEmail('s-nomail'));
    expect(tasks[0]?.explanation).toContain('MessageRejected');
  });

  it('a mail that fails for a while (SES unavailable) is retried without giving up', async () => {
    await h.student('s-later');
    h.sesFailsFor([studentEmail('s-later')]);
    await h.deliver(...day('s-later', '2026-09-07'));
    for (const night of NIGHTS.slice(0, 4)) await h.nightly(night);
    expect(await listTasksForRole(h.table, 'admin', 'open')).toEqual([]);

    h.sesRecovers();
    expect((await h.nightly('2026-09-11')).flush).toMatchObject({ sent: 1, givenUp: 0 });
    expect(await h.mailsTo(studentEmail('s-later'))).toHaveLength(1);
  });
});
