import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type MailQueue, mailMessages } from './mail-queue';

/** SendMessageBatch takes at most 10 messages a request. */
const SQS_BATCH = 10;

export class MailQueueSendError extends Error {
  override name = 'MailQueueSendError';
}

/**
 * The mail queue on SQS. A message SQS did not take fails the call, so the caller (the finish
 * step) is retried; the mails are in the outbox, so a message queued twice sends nothing twice.
 */
export function createSqsMailQueue(client: SQSClient, queueUrl: string): MailQueue {
  return {
    async send(mailIds, options) {
      const messages = mailMessages(mailIds, options);
      for (let i = 0; i < messages.length; i += SQS_BATCH) {
        const chunk = messages.slice(i, i + SQS_BATCH);
        const result = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: chunk.map((message, n) => ({ Id: String(n), MessageBody: JSON.stringify(message) })),
          }),
        );
        const failed = result.Failed ?? [];
        if (failed.length > 0)
          throw new MailQueueSendError(
            `${failed.length} of ${chunk.length} mail messages not queued: ${failed[0]?.Code ?? ''} ${failed[0]?.Message ?? ''}`,
          );
      }
    },
  };
}
