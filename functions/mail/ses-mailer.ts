import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { OutgoingMail } from './types';

/** Sends one rendered mail; resolves to the provider's message id. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<string>;
}

export interface SesMailerOptions {
  client: SESv2Client;
  from: string;
  configurationSet?: string;
  /** SES's sending rate for the account (sandbox: 1, default production: 14). */
  maxPerSecond?: number;
  /** Attempts per mail when SES says we are too fast. */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

const THROTTLING = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'LimitExceededException',
  'Throttling',
]);

export function isThrottling(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return THROTTLING.has(e.name ?? '') || e.$metadata?.httpStatusCode === 429;
}

/**
 * SES refused this mail itself (a rejected message, a malformed address): sending it
 * again the same way will fail the same way, unlike a throttle or an outage.
 */
const REFUSALS = new Set(['MessageRejected', 'BadRequestException']);

export function isRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  return REFUSALS.has((error as { name?: string }).name ?? '');
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * SES v2 adapter: paces sends below the account's rate and backs off exponentially when SES
 * throttles anyway, so a burst of mails after a busy night never turns into lost mails.
 */
export function createSesMailer(options: SesMailerOptions): Mailer {
  const sleep = options.sleep ?? defaultSleep;
  const interval = 1000 / (options.maxPerSecond ?? 14);
  const maxAttempts = options.maxAttempts ?? 6;
  let nextSlot = 0;

  async function pace() {
    const now = Date.now();
    const wait = nextSlot - now;
    nextSlot = Math.max(now, nextSlot) + interval;
    if (wait > 0) await sleep(wait);
  }

  return {
    async send(mail) {
      for (let attempt = 1; ; attempt++) {
        await pace();
        try {
          const result = await options.client.send(
            new SendEmailCommand({
              FromEmailAddress: options.from,
              Destination: { ToAddresses: mail.to },
              ConfigurationSetName: options.configurationSet,
              EmailTags: [{ Name: 'kind', Value: mail.kind }],
              Content: {
                Simple: {
                  Subject: { Data: mail.subject, Charset: 'UTF-8' },
                  Body: {
                    Text: { Data: mail.text, Charset: 'UTF-8' },
                    Html: { Data: mail.html, Charset: 'UTF-8' },
                  },
                  Headers: [{ Name: 'X-Presentie-Mail-Id', Value: mail.id }],
                },
              },
            }),
          );
          return result.MessageId ?? '';
        } catch (error) {
          if (!isThrottling(error) || attempt >= maxAttempts) throw error;
          const backoff = Math.min(30_000, 250 * 2 ** (attempt - 1));
          await sleep(backoff / 2 + Math.random() * (backoff / 2));
        }
      }
    },
  };
}
