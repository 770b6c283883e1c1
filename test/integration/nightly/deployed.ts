import { type DrivenNight, driveNight, NIGHT_HANDLERS } from '../../../scripts/local/night-driver';
import { startSes } from '../../../scripts/local/ses';
import { startTestTable } from '../../support/dynalite';
import { batch, lambdaContext, newSecret, signedDelivery } from '../../support/webhook';

export interface DeployedLambdas {
  /** The aws-ses-v2-local endpoint (its `/store` holds the mails sent). */
  sesEndpoint: string;
  /** A night through the deployed handlers (plan, shards, finish, mail sender), as the local driver runs it. */
  nightly: (event: unknown) => Promise<DrivenNight>;
  /** Delivers events through the webhook Lambda, signed; throws unless it answers 200. */
  deliver: (...events: Record<string, unknown>[]) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * The night's and the webhook's Lambdas as deployed: their entry modules, imported after the
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
  type Handler = (event: unknown, context: unknown) => Promise<unknown>;
  const night = new Map<string, Handler>();
  for (const name of NIGHT_HANDLERS)
    night.set(
      name,
      ((await import(`../../../functions/handlers/${name}.ts`)) as { handler: Handler }).handler,
    );
  const webhook = (await import('../../../functions/handlers/webhook')).handler;
  return {
    sesEndpoint: ses.endpoint,
    nightly: (event) => driveNight((name, e) => (night.get(name) as Handler)(e, lambdaContext()), event),
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
