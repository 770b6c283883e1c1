// The Lambda entry: config parsed once at cold start, so a bad environment fails the init, not an event.
import { parseEnv } from '../config';
import { createTaskMailerDeps, taskMailerEnv } from '../wiring/task-mailer';
import { createTaskMailerHandler, taskMailerMetrics } from './task-mailer-handler';

const env = parseEnv(taskMailerEnv);

export const handler = createTaskMailerHandler(() =>
  createTaskMailerDeps(env, { metrics: taskMailerMetrics }),
);
