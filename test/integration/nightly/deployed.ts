import type { NightlyOutcome } from '../../../functions/handlers/nightly-handler';
import { startSes } from '../../../scripts/local/ses';
import { startTestTable } from '../../support/dynalite';
import { batch, lambdaContext, newSecret, signedDelivery } from '../../support/webhook';

export interface DeployedLambdas {
  /** The aws-ses-v2-local endpoint (its `/store` holds the mails sent). */
  sesEndpoint: string;
  nightly: (event: unknown) => Promise<NightlyOutcome>;
  /** Delivers events through the webhook Lambda, signed; throws unless it answers 200. */
  deliver: (...events: Record<string, unknown>[]) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * The nightly and webhook Lambdas as deployed: their entry modules, imported after the
 * environment is set, since they read it once at cold start.
 */
export async function startDeployedLambdas(): Promise<DeployedLambdas> {
  const table = await startTestTable();
  const ses = await startSes({ port: 0 });
  await fetch(`${ses.endpoint}/clear-store`, { method: 'POST' });
  const secret = newSecret();
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SESV2: ses.endpoint,
    MAIL_FROM: 'Presentie <presentie@school.example>',
    DASHBOARD_URL: 'https://presentie.school.example',
    PRESENCE_WEBHOOK_SECRETS: secret,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  const nightly = (await import('../../../functions/handlers/nightly')).handler;
  const webhook = (await import('../../../functions/handlers/webhook')).handler;
  return {
    sesEndpoint: ses.endpoint,
    nightly: (event) => nightly(event, lambdaContext()) as Promise<NightlyOutcome>,
    deliver: async (...events) => {
      const result = await webhook(signedDelivery(batch(...events), { secret }), lambdaContext());
      if ((result as { statusCode?: number }).statusCode !== 200) throw new Error(JSON.stringify(result));
    },
    stop: async () => {
      await ses.stop();
      await table.stop();
    },
  };
}
