import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { HttpProblem } from './http-problem';

/** Secrets are `whsec_<base64>`, space separated, so that a rotation can run with two at once. */
export const splitSecrets = (value: string): string[] => value.split(/\s+/).filter((s) => s.length > 0);

/**
 * The webhook secrets: from `PRESENCE_WEBHOOK_SECRETS` locally, or read once from Secrets
 * Manager (`PRESENCE_WEBHOOK_SECRET_ARN`) in AWS.
 */
export async function loadWebhookSecrets(env: {
  PRESENCE_WEBHOOK_SECRETS?: string | undefined;
  PRESENCE_WEBHOOK_SECRET_ARN?: string | undefined;
}): Promise<string[]> {
  if (env.PRESENCE_WEBHOOK_SECRETS) return splitSecrets(env.PRESENCE_WEBHOOK_SECRETS);
  if (!env.PRESENCE_WEBHOOK_SECRET_ARN) throw new Error('no webhook secret configured');
  const client = new SecretsManagerClient({});
  try {
    const out = await client.send(new GetSecretValueCommand({ SecretId: env.PRESENCE_WEBHOOK_SECRET_ARN }));
    const secrets = splitSecrets(out.SecretString ?? '');
    if (secrets.length === 0) throw new Error('the webhook secret in Secrets Manager is empty');
    return secrets;
  } finally {
    client.destroy();
  }
}

/**
 * Verifies a Standard Webhooks signature over the raw body with any of the secrets (5
 * minutes tolerance, built into the library). Throws a 401 HttpProblem otherwise.
 */
export function verifyStandardWebhook(
  verifiers: readonly Webhook[],
  body: Buffer,
  headers: Record<string, string | undefined>,
): void {
  const wanted = {
    'webhook-id': headers['webhook-id'] ?? '',
    'webhook-timestamp': headers['webhook-timestamp'] ?? '',
    'webhook-signature': headers['webhook-signature'] ?? '',
  };
  let reason = 'signature missing';
  for (const verifier of verifiers) {
    try {
      verifier.verify(body, wanted, { jsonParse: false });
      return;
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      reason = error.message;
    }
  }
  throw new HttpProblem(401, { error: `webhook signature refused: ${reason}` });
}

export const webhookVerifiers = (secrets: readonly string[]): Webhook[] => secrets.map((s) => new Webhook(s));
