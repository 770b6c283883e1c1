import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { createEventBridgeBus } from '../../../functions/events/eventbridge-bus';
import { createLocalBus } from '../../../functions/events/local-bus';
import type { DomainEvent } from '../../../functions/events/types';

const events: DomainEvent[] = Array.from({ length: 12 }, (_, i) => ({
  type: 'signal.sent',
  signalId: `s${i}:signal8:2026-09-07`,
  kind: 'signal8',
  studentId: `s${i}`,
  asOf: '2026-09-07',
}));

function fakeEventBridge(failFirstEntry: boolean) {
  const calls: { Entries: { DetailType: string; Source: string; EventBusName: string; Detail: string }[] }[] =
    [];
  let failed = false;
  const client = {
    send: (command: { input: (typeof calls)[number] }) => {
      calls.push(command.input);
      const fail = failFirstEntry && !failed;
      failed = true;
      return Promise.resolve({
        FailedEntryCount: fail ? 1 : 0,
        Entries: command.input.Entries.map((_, i) =>
          fail && i === 0 ? { ErrorCode: 'ThrottlingException' } : { EventId: 'x' },
        ),
      });
    },
  } as unknown as EventBridgeClient;
  return { client, calls };
}

describe('domain events', () => {
  it('go to EventBridge in batches of at most 10, typed by detail-type, from source presentie', async () => {
    const { client, calls } = fakeEventBridge(false);
    await createEventBridgeBus(client, 'presentie-bus').publish(events);
    expect(calls.map((c) => c.Entries.length)).toEqual([10, 2]);
    expect(calls[0]?.Entries[0]).toMatchObject({
      EventBusName: 'presentie-bus',
      Source: 'presentie',
      DetailType: 'signal.sent',
    });
    expect(JSON.parse(calls[0]?.Entries[0]?.Detail ?? '{}')).toEqual(events[0]);
  });

  it('retry the entries EventBridge refused', async () => {
    const { client, calls } = fakeEventBridge(true);
    await createEventBridgeBus(client, 'presentie-bus').publish(events.slice(0, 3));
    expect(calls.map((c) => c.Entries.length)).toEqual([3, 1]);
    expect(JSON.parse(calls[1]?.Entries[0]?.Detail ?? '{}')).toEqual(events[0]);
  });

  it('reach local subscribers in order, through the same interface', async () => {
    const bus = createLocalBus();
    const seen: string[] = [];
    const unsubscribe = bus.subscribe((e) => void seen.push(e.type === 'signal.sent' ? e.studentId : e.type));
    await bus.publish(events.slice(0, 2));
    unsubscribe();
    await bus.publish(events.slice(2, 3));
    expect(seen).toEqual(['s0', 's1']);
    expect(bus.published).toHaveLength(3);
  });
});
