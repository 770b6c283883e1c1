import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWebhookSecrets } from '../../../functions/middleware/standard-webhook';
import { newSecret } from '../../support/webhook';

/** A stand-in for Secrets Manager's JSON API: answers GetSecretValue for one ARN. */
const ARN = 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:presence-webhook';
const current = newSecret();
const next = newSecret();
const asked: string[] = [];
const server = createServer(async (req: IncomingMessage, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  const { SecretId } = JSON.parse(body) as { SecretId: string };
  asked.push(String(req.headers['x-amz-target']));
  res.setHeader('content-type', 'application/x-amz-json-1.1');
  if (SecretId !== ARN) {
    res.statusCode = 400;
    res.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: 'no such secret' }));
    return;
  }
  res.end(JSON.stringify({ ARN, Name: 'presence-webhook', SecretString: `${current} ${next}` }));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.AWS_REGION ??= 'eu-west-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('webhook secrets', () => {
  it('reads every secret of a rotation from Secrets Manager when given an ARN', async () => {
    expect(await loadWebhookSecrets({ PRESENCE_WEBHOOK_SECRET_ARN: ARN })).toEqual([current, next]);
    expect(asked).toEqual(['secretsmanager.GetSecretValue']);
  });

  it('prefers the secrets in the environment (local runs) and fails without any', async () => {
    expect(await loadWebhookSecrets({ PRESENCE_WEBHOOK_SECRETS: ` ${next}  ${current} ` })).toEqual([
      next,
      current,
    ]);
    await expect(loadWebhookSecrets({})).rejects.toThrow(/no webhook secret/);
    await expect(loadWebhookSecrets({ PRESENCE_WEBHOOK_SECRET_ARN: `${ARN}-other` })).rejects.toThrow();
  });
});
