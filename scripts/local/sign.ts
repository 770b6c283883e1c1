/**
 * Signs and posts a webhook delivery exactly as the presence system does (Standard Webhooks):
 * a fresh `webhook-id`, the current Unix time and `v1,<HMAC>` over "id.timestamp.body".
 */
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export function signatureHeaders(
  secret: string,
  body: string,
  options: { id?: string; now?: Date } = {},
): Record<string, string> {
  // With several secrets configured (rotation), the sender signs with the first.
  const signing = secret.trim().split(/\s+/)[0] ?? secret;
  const id = options.id ?? `msg_${randomUUID()}`;
  const now = options.now ?? new Date();
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(signing).sign(id, now, body),
  };
}

export interface Delivery {
  status: number;
  body: string;
  /** Milliseconds from sending to the whole answer. */
  ms: number;
}

export async function postSigned(url: string, secret: string, body: string): Promise<Delivery> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: signatureHeaders(secret, body), body });
  const text = await res.text();
  return { status: res.status, body: text, ms: performance.now() - started };
}
