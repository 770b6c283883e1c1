import { describe, expect, it } from 'vitest';
import { deleteChanges, listDirtyDays } from '../../../functions/store/change-log';
import { getRegistration } from '../../../functions/store/registrations';
import { ingestBatch } from '../../../functions/usecases/ingest/ingest-batch';
import { meterCapacity } from '../../../scripts/bench/capacity';
import type { PresenceEvent } from '../../../shared/contract/events';
import { startTestTable } from '../../support/dynalite';
import { startedForFile } from '../../support/started';
import { registrationEvent, studentEvent } from '../../support/webhook';

/**
 * New registrations are written without being read first (conditional on not existing); only
 * the ones found stored after all are read and decided against what is stored.
 */

const table = startedForFile(startTestTable);
const deps = { store: table, retentionYears: 5, now: () => new Date('2026-10-05T12:00:00Z') };
const deliver = (id: string, events: unknown[]) =>
  ingestBatch(deps, { deliveryId: id, events: events as PresenceEvent[] });

type Sent = { constructor: { name: string }; input: Record<string, unknown> };
const send = (doc: unknown) => doc as { send: (command: unknown) => Promise<unknown> };

/** Whether a command reads or writes a registration item. */
const aboutRegistration = (c: Sent): boolean => JSON.stringify(c.input).includes('"REG#');

describe('registrations written before they are read', () => {
  it('a delivery of new lessons reads none of them, and each is applied once', async () => {
    await deliver('wf-students', [studentEvent('wf-s1'), studentEvent('wf-s2')]);
    const lessons = Array.from({ length: 25 }, (_, i) =>
      registrationEvent(
        { registrationId: `wf-r${i}`, studentId: i % 2 ? 'wf-s1' : 'wf-s2' },
        { id: `wf-e${i}` },
      ),
    );
    const meter = meterCapacity(table.doc, (c) => (aboutRegistration(c) ? 'registration' : undefined));
    try {
      const out = await deliver('wf-lessons', lessons);
      expect(out.results.every((r) => r.outcome === 'applied')).toBe(true);
      expect(meter.readsBy.get('registration') ?? 0).toBe(0);
    } finally {
      meter.detach();
    }
    // Stored: the same events again (another delivery) are duplicates.
    const again = await deliver('wf-lessons-again', lessons);
    expect(again.results.map((r) => r.outcome)).toEqual(lessons.map(() => 'duplicate'));
  });

  it('an event for a registration another delivery stores in between is decided against that version', async () => {
    await deliver('wf-between-students', [studentEvent('wf-b1'), studentEvent('wf-b2')]);
    const sendAsIs = send(table.doc).send.bind(table.doc);
    let interposed = false;
    // Just before this delivery's first write of the registration, another one stores revision 1.
    send(table.doc).send = async (command: unknown) => {
      const c = command as Sent;
      if (!interposed && c.constructor.name === 'PutCommand' && aboutRegistration(c)) {
        interposed = true;
        send(table.doc).send = sendAsIs;
        const other = await deliver('wf-between-other', [
          registrationEvent(
            { registrationId: 'wf-b', studentId: 'wf-b2', date: '2026-10-07', revision: 1 },
            { id: 'wf-b-rev1' },
          ),
        ]);
        expect(other.results).toEqual([{ id: 'wf-b-rev1', outcome: 'applied' }]);
      }
      return sendAsIs(command);
    };
    try {
      const out = await deliver('wf-between', [
        registrationEvent(
          { registrationId: 'wf-b', studentId: 'wf-b1', date: '2026-10-06', revision: 0 },
          { id: 'wf-b-rev0' },
        ),
      ]);
      expect(interposed).toBe(true);
      expect(out.results).toEqual([{ id: 'wf-b-rev0', outcome: 'stale' }]);
    } finally {
      send(table.doc).send = sendAsIs;
    }
    const stored = await getRegistration(table, 'wf-b');
    expect(stored?.live).toMatchObject({ studentId: 'wf-b2', date: '2026-10-07', revision: 1 });
    // Settled: a repetition of the stale event is a duplicate.
    const repeated = await deliver('wf-between-repeat', [
      registrationEvent(
        { registrationId: 'wf-b', studentId: 'wf-b1', date: '2026-10-06', revision: 0 },
        { id: 'wf-b-rev0' },
      ),
    ]);
    expect(repeated.results).toEqual([{ id: 'wf-b-rev0', outcome: 'duplicate' }]);
  });

  it('a first version found stored after all names the day the lesson leaves, before moving it', async () => {
    await deliver('wf-move-students', [studentEvent('wf-m1')]);
    await deliver('wf-move-1', [
      registrationEvent({ registrationId: 'wf-m', studentId: 'wf-m1', date: '2026-10-06', revision: 1 }),
    ]);
    // The night settled it: the day it leaves is named again only if this delivery names it.
    await deleteChanges(table, [...new Set((await listDirtyDays(table)).map((m) => m.changeId))]);
    // Revision 0 with a later one: written as new, found stored, decided against revision 1.
    const out = await deliver('wf-move-0-2', [
      registrationEvent({ registrationId: 'wf-m', studentId: 'wf-m1', date: '2026-10-05', revision: 0 }),
      registrationEvent({ registrationId: 'wf-m', studentId: 'wf-m1', date: '2026-10-08', revision: 2 }),
    ]);
    expect(out.results.map((r) => r.outcome)).toEqual(['stale', 'applied']);
    const days = (await listDirtyDays(table)).filter((m) => m.studentId === 'wf-m1').map((m) => m.date);
    expect(new Set(days)).toEqual(new Set(['2026-10-06', '2026-10-08']));
    expect((await getRegistration(table, 'wf-m'))?.live).toMatchObject({ date: '2026-10-08', revision: 2 });
  });
});
