/**
 * AWS list prices for eu-central-1 (Frankfurt), USD, excluding VAT and free tiers (an account
 * often hosts more than this system; docs/deploy.md names them), except Cognito's free monthly
 * active users: permanent, and this system's pool is the account's only one.
 * One table, so that a price change is one edit here and `npm run bench -- cost` reprices.
 *
 * `confirmed` says how the figure was checked on `taken`:
 * No Frankfurt figure could be read from an AWS pricing page from this machine (its search
 * reaches stored copies of third-party pages, which quote US East). So:
 * - 'derived': the US East figure or the rule was confirmed in those pages; the Frankfurt
 *   figure is the US East one times Frankfurt's usual premium (as noted on the line), and agrees
 *   with the project's earlier estimate (docs/deploy.md before #12).
 * - 'estimate': the project's earlier figure, not confirmed again; why it was kept is noted.
 * Check against the AWS Pricing Calculator before budgeting.
 */
export type Confirmation = 'derived' | 'estimate';

export interface Price {
  usd: number;
  unit: string;
  source: string;
  taken: string;
  confirmed: Confirmation;
  note?: string;
}

const TAKEN = '2026-11-30';
const p = (usd: number, unit: string, source: string, confirmed: Confirmation, note?: string): Price => ({
  usd,
  unit,
  source,
  taken: TAKEN,
  confirmed,
  ...(note ? { note } : {}),
});

const DDB = 'https://aws.amazon.com/dynamodb/pricing/on-demand/';
const LAMBDA = 'https://aws.amazon.com/lambda/pricing/';
const APIGW = 'https://aws.amazon.com/api-gateway/pricing/';
const SES = 'https://aws.amazon.com/ses/pricing/';
const SFN = 'https://aws.amazon.com/step-functions/pricing/';
const SQS = 'https://aws.amazon.com/sqs/pricing/';
const S3 = 'https://aws.amazon.com/s3/pricing/';
const CF = 'https://aws.amazon.com/cloudfront/pricing/';
const EB = 'https://aws.amazon.com/eventbridge/pricing/';
const CW = 'https://aws.amazon.com/cloudwatch/pricing/';
const COGNITO = 'https://aws.amazon.com/cognito/pricing/';
const WAF = 'https://aws.amazon.com/waf/pricing/';
const SM = 'https://aws.amazon.com/secrets-manager/pricing/';

export const PRICES = {
  region: 'eu-central-1',
  // DynamoDB, Standard table class, on-demand. US East after the November 2024 cut (50 %) is
  // $0.625 / $0.125 per million (confirmed in stored third-party pages); Frankfurt is 1.22x US East
  // on DynamoDB, as it was before the cut ($1.525 / $0.305).
  dynamoWritePerMillion: p(0.7625, 'per million write request units', DDB, 'derived', '1.22 x $0.625'),
  dynamoReadPerMillion: p(0.1525, 'per million read request units', DDB, 'derived', '1.22 x $0.125'),
  dynamoStoragePerGbMonth: p(
    0.306,
    'per GB-month (table and indexes, 100 B overhead per item)',
    DDB,
    'estimate',
  ),
  // Standard-Infrequent-Access: storage 60 % below Standard, request units 25 % above (the
  // pricing page's table classes; the same ratios in US East and Frankfurt).
  dynamoIaWritePerMillion: p(
    0.953,
    'per million write request units, Standard-IA',
    DDB,
    'derived',
    '1.25 x $0.7625',
  ),
  dynamoIaReadPerMillion: p(
    0.1906,
    'per million read request units, Standard-IA',
    DDB,
    'derived',
    '1.25 x $0.1525',
  ),
  dynamoIaStoragePerGbMonth: p(
    0.1224,
    'per GB-month, Standard-IA (table and indexes, 100 B overhead per item)',
    DDB,
    'estimate',
    '0.4 x $0.306',
  ),
  dynamoPitrPerGbMonth: p(
    0.244,
    'per GB-month of table size (continuous backups)',
    DDB,
    'estimate',
    'US East $0.20; Frankfurt taken as 1.22x: not confirmed on the page',
  ),
  lambdaArmPerGbSecond: p(
    0.0000133334,
    'per GB-second, arm64, first 7.5 billion GB-s',
    LAMBDA,
    'derived',
    'same in US East and Frankfurt',
  ),
  lambdaPerMillionRequests: p(0.2, 'per million requests', LAMBDA, 'derived'),
  httpApiPerMillion: p(
    1.2,
    'per million HTTP API requests (first 300 million)',
    APIGW,
    'estimate',
    'US East $1.00',
  ),
  sesPer1000Mails: p(0.1, 'per 1,000 outbound mails', SES, 'estimate', 'the same in every region'),
  sfnStandardPer1000Transitions: p(
    0.025,
    'per 1,000 state transitions, Standard; a Distributed Map child execution counts one',
    SFN,
    'derived',
    'US East $0.025; Frankfurt not confirmed, taken equal',
  ),
  sqsStandardPerMillion: p(0.4, 'per million requests (64 KB chunks), Standard queue', SQS, 'estimate'),
  s3StandardPerGbMonth: p(0.0245, 'per GB-month, S3 Standard, first 50 TB', S3, 'estimate'),
  s3GlacierIrPerGbMonth: p(
    0.005,
    'per GB-month, S3 Glacier Instant Retrieval',
    S3,
    'estimate',
    'US East $0.004; Frankfurt taken 1.25x: not confirmed',
  ),
  s3PutPer1000: p(0.0054, 'per 1,000 PUT/COPY/POST/LIST, S3 Standard', S3, 'estimate'),
  s3GetPer1000: p(0.00043, 'per 1,000 GET, S3 Standard', S3, 'estimate'),
  cloudFrontPerGb: p(0.085, 'per GB out, Europe, first 10 TB', CF, 'estimate'),
  cloudFrontPer10kHttps: p(0.012, 'per 10,000 HTTPS requests, Europe', CF, 'estimate'),
  eventBridgeCustomPerMillion: p(1.0, 'per million custom events put on a bus', EB, 'estimate'),
  schedulerPerMillion: p(1.0, 'per million scheduled invocations (after 14 M free)', EB, 'estimate'),
  logsIngestPerGb: p(0.63, 'per GB ingested, CloudWatch Logs Standard', CW, 'estimate'),
  logsStoragePerGbMonth: p(0.0324, 'per GB-month archived (compressed)', CW, 'estimate'),
  alarmPerMonth: p(0.1, 'per standard-resolution alarm metric per month', CW, 'estimate'),
  cognitoEssentialsPerMau: p(
    0.015,
    'per monthly active user, Essentials, beyond the free 10,000',
    COGNITO,
    'estimate',
  ),
  cognitoEssentialsFreeMau: p(
    10_000,
    'monthly active users free, Lite and Essentials (always, not the 12-month free tier)',
    COGNITO,
    'estimate',
    'the one free tier applied: it is permanent and this pool is the only one',
  ),
  cognitoFederatedFreeMau: p(50, 'federated monthly active users free', COGNITO, 'estimate'),
  cognitoFederatedPerMau: p(0.015, 'per federated (SAML/OIDC) monthly active user', COGNITO, 'estimate'),
  wafWebAclPerMonth: p(5.0, 'per web ACL per month', WAF, 'estimate'),
  wafRulePerMonth: p(1.0, 'per rule (or rule group) per web ACL per month', WAF, 'estimate'),
  wafPerMillionRequests: p(0.6, 'per million requests inspected', WAF, 'estimate'),
  secretPerMonth: p(0.4, 'per secret per month', SM, 'estimate'),
} as const;

export type Prices = { [K in Exclude<keyof typeof PRICES, 'region'>]: Price };
