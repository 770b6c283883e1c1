import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearDirty, listDirtyDays, listDirtyStudents } from '../../../functions/store/day-summaries';
import { batch, registrationEvent, studentEvent } from '../../support/webhook';
import { type Harness, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.send(batch(studentEvent('s-dirty-1'), studentEvent('s-dirty-2')));
});
afterAll(async () => {
  await h.stop();
});

describe('the dirty marker (students changed since the last nightly run)', () => {
  it('lists the students whose days changed, and forgets a day once cleared', async () => {
    await h.send(
      batch(
        registrationEvent({ registrationId: 'r-d1', studentId: 's-dirty-1', date: '2026-10-05' }),
        registrationEvent({ registrationId: 'r-d2', studentId: 's-dirty-2', date: '2026-10-06' }),
      ),
    );
    expect(await listDirtyStudents(h.table)).toEqual(['s-dirty-1', 's-dirty-2']);
    for (const mark of await listDirtyDays(h.table)) expect(await clearDirty(h.table, mark)).toBe(true);
    expect(await listDirtyStudents(h.table)).toEqual([]);
  });

  it('keeps the marker of a day that changed after the nightly run read it', async () => {
    await h.send(
      batch(registrationEvent({ registrationId: 'r-d3', studentId: 's-dirty-1', date: '2026-10-07' })),
    );
    const [seen] = await listDirtyDays(h.table);
    await h.send(
      batch(
        registrationEvent({
          registrationId: 'r-d4',
          studentId: 's-dirty-1',
          date: '2026-10-07',
          start: '10:15',
          end: '11:45',
        }),
      ),
    );
    expect(seen && (await clearDirty(h.table, seen))).toBe(false);
    expect(await listDirtyStudents(h.table)).toEqual(['s-dirty-1']);
  });
});
