// The Lambda entry: config parsed once at cold start, so a bad environment fails the init, not an event.
import { parseEnv } from '../config';
import { archiveEnv, createArchiveDeps } from '../wiring/archive';
import { createArchiveWorkerHandler } from './archive-worker-handler';

const env = parseEnv(archiveEnv);

export const handler = createArchiveWorkerHandler(() => createArchiveDeps(env));
