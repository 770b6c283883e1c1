// The Lambda entry: config parsed once at cold start, so a bad environment fails the init, not a request.
import { apiEnv } from '../api/config';
import { parseEnv } from '../config';
import { createApiDeps } from '../wiring/api';
import { createApiHandler } from './api-handler';

const env = parseEnv(apiEnv);

export const handler = createApiHandler(() => createApiDeps(env));
