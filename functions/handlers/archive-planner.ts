// The Lambda entry: config parsed once at cold start, so a bad environment fails the init, not an event.
import { parseEnv } from '../config';
import { archiveEnv, createArchiveDeps } from '../wiring/archive';
import { createArchivePlannerHandler } from './archive-planner-handler';

const env = parseEnv(archiveEnv);

export const handler = createArchivePlannerHandler(() => createArchiveDeps(env));
