/**
 * AWS list prices for eu-central-1 (Frankfurt), USD, excluding VAT and free tiers (an account
 * often hosts more than this system: FREE_TIERS below are priced as a separate figure), except
 * Cognito's free monthly active users: permanent, and this system's pool is the account's only one.
 * One table, so that a price change is one edit here and `npm run bench -- cost` reprices.
 *
 * `confirmed` says how the figure was checked on `taken`:
 * No Frankfurt figure could be read from an AWS pricing page from this machine (its search
 * reaches stored copies of third-party pages, which quote US East). So:
 * - 'derived': the US East figure or the rule was confirmed in those pages; the Frankfurt
 *   figure is the US East one times Frankfurt's usual premium (as noted on the line), and agrees
 *   with the project's earlier estimate (docs/deploy.md before #12).
 * - 'estimate': the project's earlier figure, not confirmed again; why it was kept is noted.
 * - 'confirmed': the figure itself read on AWS's own page (a stored copy) or in AWS's price list.
 * - 'third-party': the figure read in a third-party page that quotes AWS's page.
 * Check against the AWS Pricing Calculator before budgeting.
 */
export type Confirmation = 'derived' | 'estimate' | 'confirmed' | 'third-party';

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
    'confirmed',
    "the pricing page's table: Europe (Frankfurt) $0.0250",
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
  cloudFrontFunctionPerMillion: p(
    0.1,
    'per million CloudFront Functions invocations',
    CF,
    'third-party',
    "the same everywhere (Vantage's billing-code reference, cur.vantage.sh)",
  ),
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

/**
 * AWS's always-free tiers ("Always Free": every account, every month, never expiring; not the
 * 12-month or credit offers of new accounts), per account and month. Priced as a separate figure,
 * never in the list-price bill: an account often hosts more than this system and then shares them.
 * API Gateway, SES and S3 offer only 12-month tiers; WAF and Secrets Manager none.
 */
export interface FreeTier {
  amount: number;
  unit: string;
  source: string;
  taken: string;
  confirmed: Confirmation;
  note?: string;
}

const free = (
  amount: number,
  unit: string,
  source: string,
  confirmed: Confirmation,
  note?: string,
): FreeTier => ({
  amount,
  unit,
  source,
  taken: TAKEN,
  confirmed,
  ...(note ? { note } : {}),
});

export const FREE_TIERS = {
  lambdaRequests: free(
    1_000_000,
    'Lambda requests a month',
    LAMBDA,
    'confirmed',
    'the pricing page quoted verbatim in a stored transcription; also on an AWS bill ("Requests Free Tier - 1,000,000")',
  ),
  lambdaGbSeconds: free(400_000, 'Lambda GB-seconds a month (x86 and arm64 together)', LAMBDA, 'confirmed'),
  cloudFrontGb: free(
    1000,
    'GB out to the internet a month (1 TB)',
    CF,
    'confirmed',
    'stored copy of the pricing page',
  ),
  cloudFrontRequests: free(10_000_000, 'HTTP or HTTPS requests a month', CF, 'confirmed'),
  cloudFrontFunctionInvocations: free(2_000_000, 'CloudFront Functions invocations a month', CF, 'confirmed'),
  alarms: free(
    10,
    'standard-resolution alarm metrics a month (alarms that list their metrics directly)',
    CW,
    'confirmed',
    'stored copy of the pricing page',
  ),
  logsGb: free(
    5,
    'GB of log data a month: ingestion, archive storage and Logs Insights scans together',
    CW,
    'confirmed',
    'applied to ingestion only (one allowance for the three)',
  ),
  sqsRequests: free(1_000_000, 'SQS requests a month, Standard and FIFO', SQS, 'third-party'),
  sfnTransitions: free(
    4000,
    'Step Functions Standard state transitions a month',
    SFN,
    'confirmed',
    '"does not automatically expire", existing and new customers',
  ),
  schedulerInvocations: free(
    14_000_000,
    'EventBridge Scheduler invocations a month',
    EB,
    'confirmed',
    'AWS Price List: "$0 for the first 14 million scheduled invocations"',
  ),
  dynamoStandardStorageGb: free(
    25,
    'GB-month of DynamoDB storage, Standard table class only (none for Standard-IA)',
    DDB,
    'third-party',
    'the 25 GB confirmed; the Standard-only rule not confirmed again',
  ),
} as const;

export type FreeTiers = { [K in keyof typeof FREE_TIERS]: FreeTier };
