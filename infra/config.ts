import type { Node } from 'constructs';
import { z } from 'zod';
import { SesRecipientsSchema } from './ses-recipients';

/** Optional context values arrive as '' from cdk.json; treat blank as absent. */
const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const DeployConfigSchema = z
  .object({
    stackPrefix: z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/),
    /**
     * The AWS region of the system. Explicit, because the firewall of the CloudFront distribution
     * lives in us-east-1 and its ARN crosses regions (which CDK only does between known regions).
     */
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
    /** Mail domain verified in SES (DKIM); the sender address must belong to it. */
    domain: z.string().regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/),
    senderAddress: z.email(),
    /** Prefix of the Cognito hosted sign-in: https://<prefix>.auth.<region>.amazoncognito.com */
    authDomainPrefix: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/),
    alarmEmail: optional.pipe(z.email().optional()),
    entraTenantId: optional,
    entraClientId: optional,
    entraClientSecretArn: optional,
    /**
     * How the user pool mails invitations: `ses` (the default) through the SES domain, which
     * must be verified first; `cognito` (Cognito's own mailer, ~50 a day) for the very first
     * deploy, before the domain's DKIM records are in place (docs/deploy.md).
     */
    cognitoMail: optional.pipe(z.enum(['ses', 'cognito']).default('ses')),
    /**
     * Recipient identities the mail functions may send to while SES is in the sandbox: blank
     * (every identity of the account and region), `none` (the domain only, after production
     * access), or a comma-separated list of verified addresses/domains (infra/ses-recipients.ts).
     */
    sesSandboxRecipients: SesRecipientsSchema,
    /**
     * `required` (the default): synthesis fails without web/dist, so no deploy uploads an empty
     * dashboard; `optional` for offline checks (`npm run synth`, the infrastructure tests).
     */
    dashboardBuild: optional.pipe(z.enum(['required', 'optional']).default('required')),
    /**
     * RETENTION_YEARS of every function: items expire (DynamoDB TTL) this many years after the
     * student left. `-c retentionYears=7` arrives as a string; absent or blank means the default.
     */
    retentionYears: z.preprocess(
      (value) => (value === '' || value === null ? undefined : value),
      z.coerce.number().int().min(1).max(100).default(5),
    ),
  })
  .refine((c) => c.senderAddress.toLowerCase().endsWith(`@${c.domain}`), {
    message: 'senderAddress must be an address at the SES domain',
    path: ['senderAddress'],
  })
  .refine(
    (c) =>
      [c.entraTenantId, c.entraClientId, c.entraClientSecretArn].every((v) => v === undefined) ||
      [c.entraTenantId, c.entraClientId, c.entraClientSecretArn].every((v) => v !== undefined),
    {
      message: 'Entra ID federation needs entraTenantId, entraClientId and entraClientSecretArn together',
      path: ['entraTenantId'],
    },
  );

export type DeployConfig = z.infer<typeof DeployConfigSchema>;

export interface EntraConfig {
  tenantId: string;
  clientId: string;
  clientSecretArn: string;
}

export const CONTEXT_KEYS = [
  'stackPrefix',
  'region',
  'domain',
  'senderAddress',
  'authDomainPrefix',
  'alarmEmail',
  'entraTenantId',
  'entraClientId',
  'entraClientSecretArn',
  'cognitoMail',
  'sesSandboxRecipients',
  'dashboardBuild',
  'retentionYears',
] as const;

/** Reads the deployment's context (cdk.json or `-c key=value`) once and fails fast on a bad value. */
export function readDeployConfig(node: Node): DeployConfig {
  const raw = Object.fromEntries(CONTEXT_KEYS.map((key) => [key, node.tryGetContext(key) ?? undefined]));
  const parsed = DeployConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid CDK context:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export function entraConfig(config: DeployConfig): EntraConfig | undefined {
  const { entraTenantId, entraClientId, entraClientSecretArn } = config;
  if (!entraTenantId || !entraClientId || !entraClientSecretArn) return undefined;
  return { tenantId: entraTenantId, clientId: entraClientId, clientSecretArn: entraClientSecretArn };
}

/** A route's API Gateway throttle: steady requests per second and the burst above it. */
export interface RouteThrottle {
  rateLimit: number;
  burstLimit: number;
}

/**
 * The limits of the deployed system, each with why it is this number. Not context values: they
 * follow from the contract and from the size of a school, not from one school's choices.
 */
export const LIMITS = {
  /** The presence system sends batches of up to 500 events, a few deliveries a second at its peak. */
  webhookThrottle: { rateLimit: 20, burstLimit: 40 },
  /** 2,400 staff (40,000 students) at ~20 calls a school day, crowding at the first lesson. */
  dashboardThrottle: { rateLimit: 50, burstLimit: 100 },
  /** The public OpenAPI document: read now and then by a developer, never by the dashboard. */
  publicThrottle: { rateLimit: 2, burstLimit: 5 },
  /**
   * Deliveries run side by side (ingestion takes no lock): as many instances as the route's
   * burst admits, so that what the throttle lets through is never refused by Lambda (a 5xx),
   * and no more, so that a flood cannot take the account's concurrency from the API and the night.
   */
  webhookReservedConcurrency: 40,
  /** Requests per IP address in 5 minutes: a school's staff share a few NAT addresses at peak hours. */
  wafRequestsPerIpPer5Minutes: 3000,
} as const satisfies {
  webhookThrottle: RouteThrottle;
  dashboardThrottle: RouteThrottle;
  publicThrottle: RouteThrottle;
  webhookReservedConcurrency: number;
  wafRequestsPerIpPer5Minutes: number;
};
