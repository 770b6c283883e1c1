import { SERVICE_NAMES } from '../service-names';

/**
 * The metrics the webhook emits about its deliveries, named once for the handler and for the
 * alarms on their rates (infra/constructs/api-alarms.ts).
 */
export const WEBHOOK_SERVICE = SERVICE_NAMES.webhook;

/** Every delivery that reached the handler. */
export const WEBHOOK_DELIVERIES = 'deliveries';

/** A delivery answered 401: its signature, timestamp or id did not verify. */
export const WEBHOOK_SIGNATURE_REFUSED = 'deliveriesRefused';
