import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag';

/**
 * A dead-letter queue: encrypted, TLS only, its messages kept 14 days (SQS's longest) for an
 * operator to read. `why` says what happens to what lands in it; cdk-nag asks every queue for a
 * dead-letter queue of its own, which this one, being the last stop, acknowledges with that reason.
 */
export function deadLetterQueue(scope: Construct, id: string, why: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(queue, { id: 'AwsSolutions-SQS3', reason: why });
  return queue;
}
