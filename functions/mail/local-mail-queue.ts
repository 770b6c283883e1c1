import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { type MailMessage, type MailQueue, mailMessages } from './mail-queue';

/** Receives before a message is dead-lettered, as the SQS queue's redrive policy (infra/constructs/mail-queue.ts). */
export const LOCAL_MAX_RECEIVES = 5;

interface Waiting {
  message: MailMessage;
  receives: number;
}

/**
 * The local stand-in for the mail queue (SQS in AWS): the finish step queues here, and the local
 * night driver drains it through the mail-sender handler in SQS's event shape. A mail queued while
 * it is still waiting is not queued twice; a message failed `LOCAL_MAX_RECEIVES` times is dropped
 * (its mail stays unsent in the outbox, and the next night queues it again).
 */
export interface LocalMailQueue extends MailQueue {
  /** Up to `max` waiting messages, as one SQS delivery; they leave the queue until given back. */
  receive(max: number): SQSEvent;
  /** The records the consumer reported as failed: back in the queue, or dropped after the last receive. */
  giveBack(records: readonly SQSRecord[]): MailMessage[];
  size(): number;
}

export function createLocalMailQueue(): LocalMailQueue {
  const waiting = new Map<string, Waiting>();
  const inFlight = new Map<string, Waiting>();
  return {
    send(mailIds, options) {
      for (const message of mailMessages(mailIds, options)) {
        if (!waiting.has(message.mailId) && !inFlight.has(message.mailId))
          waiting.set(message.mailId, { message, receives: 0 });
      }
      return Promise.resolve();
    },
    receive(max) {
      const taken = [...waiting.values()].slice(0, max);
      const Records = taken.map((item): SQSRecord => {
        waiting.delete(item.message.mailId);
        item.receives++;
        inFlight.set(item.message.mailId, item);
        return sqsRecord(item);
      });
      return { Records };
    },
    giveBack(records) {
      const dropped: MailMessage[] = [];
      const failed = new Set(records.map((r) => r.messageId));
      for (const [id, item] of inFlight) {
        inFlight.delete(id);
        if (!failed.has(id)) continue;
        if (item.receives >= LOCAL_MAX_RECEIVES) dropped.push(item.message);
        else waiting.set(id, item);
      }
      return dropped;
    },
    size: () => waiting.size,
  };
}

function sqsRecord(item: Waiting): SQSRecord {
  const now = String(Date.now());
  return {
    messageId: item.message.mailId,
    receiptHandle: `local-${item.message.mailId}-${item.receives}`,
    body: JSON.stringify(item.message),
    attributes: {
      ApproximateReceiveCount: String(item.receives),
      SentTimestamp: now,
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-1:000000000000:local-mail-queue',
    awsRegion: 'eu-west-1',
  };
}

let processQueue: LocalMailQueue | undefined;

/** This process's local mail queue: the finish handler sends to it, the local driver drains it. */
export function processLocalMailQueue(): LocalMailQueue {
  processQueue ??= createLocalMailQueue();
  return processQueue;
}
