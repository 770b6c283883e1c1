import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import type { FlushResult } from '../mail/outbox';
import { logErrors } from '../middleware/json-errors';
import { loadOnce } from '../middleware/load-once';
import { observability } from '../middleware/observability';
import { sendTaskMails } from '../usecases/tasks/task-mails';
import type { TaskMailerDeps } from '../wiring/task-mailer';

const { logger, metrics, middleware } = observability('task-mailer');

/** The task mailer's metrics, for the mailer's refusal count (mail/refusal-metric.ts). */
export const taskMailerMetrics = metrics;

/** What the EventBridge rule delivers: one published `task.created` (functions/events/types.ts). */
const TaskCreated = z.object({
  'detail-type': z.literal('task.created'),
  detail: z.object({
    type: z.literal('task.created'),
    taskId: z.string().min(1),
    kind: z.string(),
    studentId: z.string(),
    teamId: z.string(),
    createdOn: z.string(),
    eventId: z.string().optional(),
  }),
});
export type TaskCreatedDelivery = z.input<typeof TaskCreated>;

export class NotATaskCreatedEvent extends Error {
  override name = 'NotATaskCreatedEvent';
}

/**
 * Sends the new task's mails. A failure throws, so EventBridge's asynchronous invocation retries
 * it and then leaves it on the dead-letter queue; the mails stay in the outbox for the nightly run.
 */
export function createTaskMailerHandler(loadDeps: () => TaskMailerDeps | Promise<TaskMailerDeps>) {
  const deps = loadOnce(loadDeps);
  return middy<unknown, FlushResult, Error, Context>()
    .use(middleware)
    .use(logErrors(logger))
    .handler(async (event) => {
      const parsed = TaskCreated.safeParse(event);
      if (!parsed.success) throw new NotATaskCreatedEvent(parsed.error.message);
      const result = await sendTaskMails(await deps(), parsed.data.detail);
      metrics.addMetric('TaskMailsSent', 'Count', result.sent);
      metrics.addMetric('MailSendFailures', 'Count', result.failed);
      logger.info('task mails', { taskId: parsed.data.detail.taskId, ...result });
      // SES failed or throttled: the retry (or the nightly run) sends what is still unsent.
      if (result.failed > 0 || result.deferred > 0)
        throw new Error(`task ${parsed.data.detail.taskId}: ${result.failed} mail(s) not sent`);
      return result;
    });
}
