// The Lambda entry: config parsed once at cold start, so a bad environment fails the init, not a request.
import { parseEnv } from '../config';
import { createWebhookDeps, webhookEnv } from '../wiring/webhook';
import { createWebhookHandler } from './webhook-handler';

const env = parseEnv(webhookEnv);

export const handler = createWebhookHandler(() => createWebhookDeps(env));
