import { parseEnv } from '../../functions/config';
import { createLocalBus, type LocalEventBus } from '../../functions/events/local-bus';
import { PROVISIONING_EVENT_TYPES } from '../../functions/events/types';
import { SERVICE_NAMES } from '../../functions/service-names';
import type { Store } from '../../functions/store/client';
import { createProvisioningDeps, provisioningEnv } from '../../functions/wiring/provisioning';
import { subscribeRule } from '../../scripts/local/rules';

/**
 * An in-process bus with staff provisioning subscribed as the local system's worker does it
 * (scripts/local/rules.ts): the real handler, PROVISIONING_MODE=local, on the test's table.
 * The handler is imported here, after the test set Powertools' environment (read at load).
 */
export async function provisioningBus(store: Store): Promise<LocalEventBus> {
  const { createProvisioningHandler } = await import('../../functions/handlers/provisioning-handler');
  const bus = createLocalBus();
  const env = parseEnv(provisioningEnv, { TABLE_NAME: store.tableName, PROVISIONING_MODE: 'local' });
  const handler = createProvisioningHandler(() => createProvisioningDeps(env, { store }));
  subscribeRule(bus, PROVISIONING_EVENT_TYPES, handler, SERVICE_NAMES.provisioning);
  return bus;
}
