import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { logErrors } from '../middleware/json-errors';
import { loadOnce } from '../middleware/load-once';
import { observability } from '../middleware/observability';
import { type ProvisioningDeps, provisionStaff } from '../usecases/provisioning/provision-staff';

const { logger, metrics, middleware } = observability('provisioning');

/** The EventBridge delivery of `staff.changed` (its `detail` is the published domain event). */
const StaffChanged = z.object({
  detail: z.object({ type: z.literal('staff.changed'), staffId: z.string().min(1) }),
});

/**
 * Provisions one staff member's account from `staff.changed`. A failure throws: the rule's
 * retry policy tries again, and after its last attempt the event goes to the dead-letter queue
 * (alarmed). Provisioning is idempotent, so a retry or a second delivery changes nothing more.
 */
export function createProvisioningHandler(loadDeps: () => ProvisioningDeps | Promise<ProvisioningDeps>) {
  const deps = loadOnce(loadDeps);
  return middy<unknown, { staffId: string; change: string | null }, Error, Context>()
    .use(middleware)
    .use(logErrors(logger))
    .handler(async (event) => {
      const { staffId } = StaffChanged.parse(event).detail;
      const change = await provisionStaff(await deps(), staffId);
      if (change) {
        metrics.addMetric(`AccountsProvisioned`, 'Count', 1);
        logger.info('account provisioned', { staffId, change });
      }
      return { staffId, change };
    });
}
