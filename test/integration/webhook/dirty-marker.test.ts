import { beforeAll, describe, expect, it } from 'vitest';
import { listDirtyDays, listDirtyStudents, settleChanges } from '../../../functions/store/change-log';
import { startedForFile } from '../../support/started';
import { batch, noticeEvent, registrationEvent, studentEvent } from '../../support/webhook';
import { startHarness } from './harness';

const h = startedForFile(startHarness);
beforeAll(async () => {
  await h.send(batch(studentEvent('s-dirty-1'), studentEvent('s-dirty-2')));
});

const settleAll = async (asOf = '2026-12-31') => settleChanges(h.table, await listDirtyDays(h.table), asOf);

describe('the change log (students changed since the last nightly run)', () => {
  it('lists the students whose days changed, and forgets them once settled', async () => {
    await h.send(
      batch(
        registrationEvent({ registrationId: 'r-d1', studentId: 's-dirty-1', date: '2026-10-05' }),
        registrationEvent({ registrationId: 'r-d2', studentId: 's-dirty-2', date: '2026-10-06' }),
      ),
    );
    expect(await listDirtyStudents(h.table)).toEqual(['s-dirty-1', 's-dirty-2']);
    await settleAll();
    expect(await listDirtyStudents(h.table)).toEqual([]);
  });

  it('keeps a change that landed after the nightly run read the log', async () => {
    await h.send(
      batch(registrationEvent({ registrationId: 'r-d3', studentId: 's-dirty-1', date: '2026-10-07' })),
    );
    const seen = await listDirtyDays(h.table);
    await h.send(
      batch(registrationEvent({ registrationId: 'r-d4', studentId: 's-dirty-2', date: '2026-10-07' })),
    );
    await settleChanges(h.table, seen, '2026-12-31');
    expect(await listDirtyStudents(h.table)).toEqual(['s-dirty-2']);
    await settleAll();
  });

  it('keeps a change on a day after the date a replay is run for', async () => {
    await h.send(
      batch(registrationEvent({ registrationId: 'r-d5', studentId: 's-dirty-1', date: '2026-10-08' })),
    );
    await settleAll('2026-10-07');
    expect(await listDirtyStudents(h.table)).toEqual(['s-dirty-1']);
    await settleAll('2026-10-08');
    expect(await listDirtyStudents(h.table)).toEqual([]);
  });

  it('names the days a severe-weather notice reclassified', async () => {
    await h.send(
      batch(
        registrationEvent({
          registrationId: 'r-storm',
          studentId: 's-dirty-2',
          date: '2026-12-15',
          reason: 'severe_weather',
        }),
      ),
    );
    await settleAll();
    await h.send(batch(noticeEvent('2026-12-15')));
    expect(await listDirtyDays(h.table)).toEqual([
      expect.objectContaining({ studentId: 's-dirty-2', date: '2026-12-15' }),
    ]);
  });

  it('names the days a corrected birth date reclassified', async () => {
    await h.send(batch(studentEvent('s-dirty-3', { birthDate: '2009-03-14' })));
    await h.send(
      batch(
        registrationEvent({
          registrationId: 'r-age',
          studentId: 's-dirty-3',
          date: '2026-11-02',
          reason: 'medical_appointment',
          notice: { channel: 'email', reportedBy: 'student', proof: false },
        }),
      ),
    );
    await settleAll();
    // Of age after all: the appointment no longer needs a parent, and its verdict changes.
    await h.send(
      batch(
        studentEvent('s-dirty-3', { birthDate: '2000-01-01' }, { occurredAt: '2026-11-03T07:00:00+02:00' }),
      ),
    );
    expect(await listDirtyDays(h.table)).toEqual([
      expect.objectContaining({ studentId: 's-dirty-3', date: '2026-11-02' }),
    ]);
  });

  it('names nothing when a delivery is repeated, and an event repeated in another delivery names its own day only', async () => {
    await settleAll();
    const repeated = registrationEvent({
      registrationId: 'r-d1',
      studentId: 's-dirty-1',
      date: '2026-10-05',
    });
    await h.send(batch(repeated), { id: 'msg-dirty-repeat' });
    await settleAll();
    await h.send(batch(repeated), { id: 'msg-dirty-repeat' });
    expect(await listDirtyStudents(h.table)).toEqual([]);
    // A first version is written before it is read: its day is named before the write finds the
    // event settled. The night evaluates that day again and changes nothing.
    await h.send(batch(repeated));
    expect((await listDirtyDays(h.table)).map((m) => `${m.studentId} ${m.date}`)).toEqual([
      's-dirty-1 2026-10-05',
    ]);
  });
});
