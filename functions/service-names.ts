/**
 * The Powertools service name of each Lambda function: the handler's logger and metrics and the
 * infrastructure's `POWERTOOLS_SERVICE_NAME` (and the alarms on its metrics) read it from here,
 * so a log line, a metric dimension and an alarm always name the same service.
 */
export const SERVICE_NAMES = {
  webhook: 'presentie-webhook',
  api: 'presentie-api',
  /**
   * The night's steps (a Step Functions execution) and the sender of its mails share one service
   * name: the nightly alarms read their metrics under it, whichever step emits them.
   */
  'nightly-plan': 'presentie-nightly',
  'nightly-shard': 'presentie-nightly',
  'nightly-finish': 'presentie-nightly',
  /** Sends the night's mails from the mail queue (SQS), at the SES rate. */
  'mail-sender': 'presentie-nightly',
  /** Mails a task's role the moment the task is made (EventBridge rule on `task.created`). */
  'task-mailer': 'presentie-task-mailer',
  /** Makes a staff member's sign-in account from `staff.changed` (EventBridge rule). */
  provisioning: 'presentie-provisioning',
  /** Monthly: erases expired archive objects and queues every student for the archive worker. */
  'archive-planner': 'presentie-archive-planner',
  /** Moves a batch of students' closed school years to the archive bucket (SQS). */
  'archive-worker': 'presentie-archive-worker',
} as const;

export type FunctionName = keyof typeof SERVICE_NAMES;
