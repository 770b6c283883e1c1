/** Domain events Presentie publishes. No absence reasons: consumers look details up if they may. */
export type DomainEvent =
  | {
      type: 'report.created';
      reportId: string;
      studentId: string;
      teamId: string;
      asOf: string;
      routeX: boolean;
    }
  | {
      type: 'report.handled';
      reportId: string;
      studentId: string;
      teamId: string;
      action: string;
      by: string;
      at: string;
    }
  | { type: 'report.withdrawn'; reportId: string; studentId: string; teamId: string; asOf: string }
  | { type: 'signal.sent'; signalId: string; kind: string; studentId: string; asOf: string }
  /** A task the dashboard made (an action on a report, a referral, an outflow's RMC report): its role is mailed at once. */
  | {
      type: 'task.created';
      taskId: string;
      kind: string;
      studentId: string;
      teamId: string;
      createdOn: string;
    }
  /** A `staff.upserted` was stored: the staff member's sign-in account is provisioned from it. */
  | { type: 'staff.changed'; staffId: string };

export type DomainEventType = DomainEvent['type'];

/** An event as it leaves: `eventId` is its outbox id, the same on a repeated publish (consumers dedupe on it). */
export type PublishedEvent = DomainEvent & { eventId?: string };

/** One interface for EventBridge in AWS and the in-process bus locally. */
export interface EventBus {
  publish(events: PublishedEvent[]): Promise<void>;
}

export const EVENT_SOURCE = 'presentie';

/** What the task mailer consumes: the EventBridge rule's detail types in AWS, the local subscription's filter. */
export const TASK_MAILER_EVENT_TYPES = ['task.created'] as const satisfies readonly DomainEventType[];

/** What staff provisioning consumes (its rule in AWS, the local subscription's filter). */
export const PROVISIONING_EVENT_TYPES = ['staff.changed'] as const satisfies readonly DomainEventType[];
