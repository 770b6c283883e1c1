// The Lambda entry: config parsed once at cold start, so a bad environment fails the init, not an event.
import { parseEnv } from '../config';
import { createProvisioningDeps, provisioningEnv } from '../wiring/provisioning';
import { createProvisioningHandler } from './provisioning-handler';

const env = parseEnv(provisioningEnv);

export const handler = createProvisioningHandler(() => createProvisioningDeps(env));
