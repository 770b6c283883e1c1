import {
  type App,
  AspectPriority,
  Aspects,
  CfnResource,
  Duration,
  type IAspect,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import { CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import { CfnRule } from 'aws-cdk-lib/aws-events';
import { CfnEventSourceMapping, CfnFunction, CfnPermission } from 'aws-cdk-lib/aws-lambda';
import { CfnLogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { CfnStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { IConstruct } from 'constructs';

/**
 * The AWS Control Tower proactive controls (cfn-guard rules shipped with
 * `@cdklabs/cdk-validator-cfnguard`) that this system meets by design in another way, by rule
 * name as cfn-guard reports it. Each reason holds for every resource of the type the Aspect below
 * suppresses it on, including resources added later; test/infra/guard.test.ts fails on any other
 * finding. Listed in docs/deploy.md ("Control Tower Guard rules").
 */
export const GUARD_SUPPRESSIONS = {
  cloudwatch_log_group_retention_period_check:
    'CT.CLOUDWATCH.PR.2 wants a year; logs may name students, so they are kept three months (data minimisation, docs/privacy.md), long enough to investigate a night or a delivery.',
  cloudwatch_log_group_encrypted_check:
    'CT.CLOUDWATCH.PR.3: CloudWatch Logs encrypts every log group at rest with service-owned keys. A customer KMS key per log group costs a monthly key fee plus requests, and a key policy to maintain, for a control this single-account system does not use.',
  dynamodb_table_encrypted_kms_check:
    'CT.DYNAMODB.PR.2: the table is encrypted at rest with the AWS owned key at no cost; a KMS key adds request charges on every table access (and a key fee for a customer key) without a control we need, as nobody outside this account gets access to the data.',
  lambda_inside_vpc_check:
    'CT.LAMBDA.PR.3: the functions reach only AWS service APIs (DynamoDB, SES, SQS, EventBridge, S3) over TLS with IAM; a VPC would need NAT gateways or interface endpoints, a fixed monthly cost larger than the whole budget, for no resource inside a network.',
  lambda_function_public_access_prohibited_check:
    'CT.LAMBDA.PR.2: the permission names a service principal and a SourceArn (this API, rule or bucket), so it is not public; the rule reads only a plain string or a local reference, and the ARN is a Fn::Join of account, region and the resource it names.',
  s3_bucket_logging_enabled_check:
    'CT.S3.PR.2: server access logs would need a log bucket of their own (which the rule then asks to be logged too); only the deployment and the functions of this account write the buckets, and reads go through CloudFront or the function roles.',
  s3_event_notifications_enabled_check:
    'CT.S3.PR.4: nothing in the system reacts to object changes; a notification target would be a component with no consumer.',
  s3_bucket_object_lock_enabled_check:
    'CT.S3.PR.9: objects must be deletable: dashboard files are replaced at every deploy, archived lessons are erased when their retention period ends or a data subject asks (GDPR); versioning with a noncurrent-version lifecycle covers accidental deletes.',
  s3_bucket_default_encryption_kms_check:
    'CT.S3.PR.10: buckets use SSE-S3 (AES-256 with S3-managed keys); SSE-KMS adds a KMS request per object read or write, and for the dashboard a key policy for CloudFront, without a control we need.',
  cloudfront_origin_failover_enabled_check:
    'CT.CLOUDFRONT.PR.4: a second origin would mean a second bucket and API in another region; origin groups only fail over GET/HEAD, so the API could not use one anyway. The dashboard of one school system can wait for a regional recovery.',
  cloudfront_access_logs_enabled_check:
    'CT.CLOUDFRONT.PR.5: access logs would record viewer IP addresses of staff with no operational use (data minimisation under the GDPR); the API logs at API Gateway and WAF keeps sampled requests of what it blocks.',
  cloudfront_custom_ssl_certificate_check:
    'CT.CLOUDFRONT.PR.6: the dashboard uses its *.cloudfront.net address and certificate; with a custom domain the distribution gets an ACM certificate, and then this Aspect requires SNI and TLSv1.2_2021.',
  cloudfront_sni_enabled_check:
    'CT.CLOUDFRONT.PR.7: the default *.cloudfront.net certificate is served by CloudFront for every client; SNI is set only with a custom certificate, which this Aspect then enforces.',
  cloudfront_security_policy_check:
    'CT.CLOUDFRONT.PR.9: with the default *.cloudfront.net certificate CloudFront fixes the security policy itself and ignores MinimumProtocolVersion; with a custom certificate this Aspect sets TLSv1.2_2021.',
  step_functions_state_machine_tracing_enabled_check:
    'CT.STEPFUNCTIONS.PR.2: each execution is recorded in its execution history and its CloudWatch log group; X-Ray would trace every child execution of the Distributed Map and needs wildcard IAM permissions, for no question the logs and alarms do not answer.',
} as const;

export type SuppressedGuardRule = keyof typeof GUARD_SUPPRESSIONS;

/** The Metadata key cfn-guard rule sets use for per-resource suppressions. */
export const GUARD_METADATA_KEY = 'guard';

export interface GuardMetadata {
  SuppressedRules: string[];
  /** Why, per suppressed rule: reviewed like code, read by test/infra/guard.test.ts. */
  Reasons: Record<string, string>;
}

/** Suppresses one rule on one resource, with its reason, in the template's Metadata. */
export function suppressGuardRule(resource: CfnResource, rule: string, reason: string): void {
  if (reason.trim().length < 40) throw new Error(`guard suppression ${rule} needs a real reason`);
  const existing = resource.getMetadata(GUARD_METADATA_KEY) as GuardMetadata | undefined;
  const metadata: GuardMetadata = {
    SuppressedRules: [...new Set([...(existing?.SuppressedRules ?? []), rule])],
    Reasons: { ...(existing?.Reasons ?? {}), [rule]: reason },
  };
  resource.addMetadata(GUARD_METADATA_KEY, metadata);
}

function suppress(resource: CfnResource, ...rules: SuppressedGuardRule[]): void {
  for (const rule of rules) suppressGuardRule(resource, rule, GUARD_SUPPRESSIONS[rule]);
}

/** Old versions of an object are kept this long: enough to undo a bad deploy or a wrong delete. */
export const NONCURRENT_VERSION_DAYS = 30;

/**
 * Applies the Control Tower Guard fixes by resource type, and suppresses (with the reason above)
 * what the system meets otherwise. By type, so resources other constructs add later are covered.
 */
export class ControlTowerGuard implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof Stack) markDeadLetterQueues(node);
    else if (node instanceof Bucket) versionAndExpire(node);
    else if (node instanceof CfnResource) for (const handle of BY_TYPE) handle(node);
  }
}

type Handler = (node: CfnResource) => void;

function on<T extends CfnResource>(
  type: abstract new (...args: never[]) => T,
  handle: (node: T) => void,
): Handler {
  return (node) => {
    if (node instanceof type) handle(node);
  };
}

/** One entry per resource type: the fix, or the suppression when the resource meets it otherwise. */
const BY_TYPE: Handler[] = [
  on(CfnBucket, bucket),
  on(CfnLogGroup, logGroup),
  on(CfnTable, (node: CfnTable) => {
    if (node.sseSpecification === undefined) suppress(node, 'dynamodb_table_encrypted_kms_check');
  }),
  on(CfnFunction, (node: CfnFunction) => {
    if (node.vpcConfig === undefined) suppress(node, 'lambda_inside_vpc_check');
  }),
  (node: CfnResource) => {
    // CDK's own provider functions (the dashboard bucket's auto-delete) are plain CfnResources, never in a VPC.
    if (!(node instanceof CfnFunction) && node.cfnResourceType === CfnFunction.CFN_RESOURCE_TYPE_NAME) {
      suppress(node, 'lambda_inside_vpc_check');
    }
  },
  on(CfnPermission, (node: CfnPermission) => {
    // Only a permission scoped to a source the rule cannot read: one without stays a finding.
    if (node.principal !== '*' && isJoin(Stack.of(node).resolve(node.sourceArn))) {
      suppress(node, 'lambda_function_public_access_prohibited_check');
    }
  }),
  on(CfnDistribution, distribution),
  on(CfnRoute, unauthenticatedRoute),
  on(CfnStateMachine, (node: CfnStateMachine) => {
    if (node.tracingConfiguration === undefined) {
      suppress(node, 'step_functions_state_machine_tracing_enabled_check');
    }
  }),
];

function bucket(node: CfnBucket): void {
  suppress(
    node,
    's3_bucket_logging_enabled_check',
    's3_event_notifications_enabled_check',
    's3_bucket_object_lock_enabled_check',
  );
  if (!usesKms(node)) suppress(node, 's3_bucket_default_encryption_kms_check');
}

function logGroup(node: CfnLogGroup): void {
  // A log group without retention keeps personal data forever.
  node.retentionInDays ??= RetentionDays.THREE_MONTHS;
  if (node.retentionInDays < 365) suppress(node, 'cloudwatch_log_group_retention_period_check');
  if (node.kmsKeyId === undefined) suppress(node, 'cloudwatch_log_group_encrypted_check');
}

/** Every stack of the app gets the fixes and suppressions; mutating, so before any validation. */
export function applyControlTowerGuard(app: App): void {
  // Once per app: two copies of the system in one app (another stackPrefix) would add a bucket's rule twice.
  if (Aspects.of(app).all.some((aspect) => aspect instanceof ControlTowerGuard)) return;
  Aspects.of(app).add(new ControlTowerGuard(), { priority: AspectPriority.MUTATING });
}

function isJoin(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'Fn::Join' in value;
}

function usesKms(bucket: CfnBucket): boolean {
  const resolved = JSON.stringify(Stack.of(bucket).resolve(bucket.bucketEncryption) ?? {});
  return resolved.includes('aws:kms');
}

/**
 * CT.S3.PR.11 and PR.6: versioning, and a lifecycle that expires old versions (the deployment's
 * prune and the archive's retention expiry would otherwise keep every deleted object as a version).
 */
function versionAndExpire(bucket: Bucket): void {
  const cfn = bucket.node.defaultChild as CfnBucket;
  cfn.versioningConfiguration ??= { status: 'Enabled' };
  const lifecycle = JSON.stringify(Stack.of(bucket).resolve(cfn.lifecycleConfiguration) ?? {});
  if (!lifecycle.includes('NoncurrentVersionExpiration')) {
    bucket.addLifecycleRule({
      id: 'ExpireNoncurrentVersions',
      noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS),
      abortIncompleteMultipartUploadAfter: Duration.days(7),
    });
  }
}

/**
 * CT.CLOUDFRONT: with a custom certificate, SNI and TLSv1.2_2021 are required here; with the default
 * *.cloudfront.net certificate CloudFront decides both, so the rules are suppressed with the reason.
 */
function distribution(node: CfnDistribution): void {
  suppress(node, 'cloudfront_origin_failover_enabled_check', 'cloudfront_access_logs_enabled_check');
  const config = Stack.of(node).resolve(node.distributionConfig) as {
    ViewerCertificate?: { AcmCertificateArn?: unknown; IamCertificateId?: unknown };
  };
  const certificate = config.ViewerCertificate;
  if (certificate?.AcmCertificateArn !== undefined || certificate?.IamCertificateId !== undefined) {
    node.addPropertyOverride('DistributionConfig.ViewerCertificate.MinimumProtocolVersion', 'TLSv1.2_2021');
    node.addPropertyOverride('DistributionConfig.ViewerCertificate.SslSupportMethod', 'sni-only');
    return;
  }
  suppress(
    node,
    'cloudfront_custom_ssl_certificate_check',
    'cloudfront_sni_enabled_check',
    'cloudfront_security_policy_check',
  );
}

/**
 * CT.APIGATEWAY.PR.5: a route without authorization is acceptable only where cdk-nag's
 * AwsSolutions-APIG4 was acknowledged on it with a reason (http-api.ts); that reason is reused.
 */
function unauthenticatedRoute(node: CfnRoute): void {
  if (node.authorizationType !== undefined && node.authorizationType !== 'NONE') return;
  for (const scope of node.node.scopes.slice().reverse()) {
    for (const entry of scope.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        if (id.includes('AwsSolutions-APIG4')) {
          suppressGuardRule(
            node,
            'api_gw_v2_authorization_type_configured_check',
            `CT.APIGATEWAY.PR.5, as for cdk-nag AwsSolutions-APIG4: ${reason}`,
          );
          return;
        }
      }
    }
  }
}

/**
 * CT.SQS.PR.1: a queue with no dead-letter queue of its own must be one. A queue that some Lambda
 * function, event source, EventBridge rule or schedule, or another queue names as its dead-letter
 * target gets a RedriveAllowPolicy; any other queue without a RedrivePolicy stays a finding.
 */
function markDeadLetterQueues(stack: Stack): void {
  const resources = stack.node
    .findAll()
    .filter((c): c is CfnResource => c instanceof CfnResource && Stack.of(c) === stack);
  const queues = resources.filter((r): r is CfnQueue => r instanceof CfnQueue);
  const deadLetterQueues = new Set<CfnQueue>();
  const note = (targets: unknown, from?: CfnQueue) => {
    const json = JSON.stringify(stack.resolve(targets) ?? null);
    for (const queue of queues) {
      if (queue !== from && json.includes(`"${stack.resolve(queue.logicalId)}"`)) deadLetterQueues.add(queue);
    }
  };
  // Resolved L1 values keep the L1 property names (camelCase); a rendered template would not.
  const deadLetterConfig = (target: unknown) => {
    const t = target as { deadLetterConfig?: unknown; DeadLetterConfig?: unknown } | null | undefined;
    return t?.deadLetterConfig ?? t?.DeadLetterConfig ?? null;
  };
  for (const resource of resources) {
    if (resource instanceof CfnFunction) note(resource.deadLetterConfig);
    else if (resource instanceof CfnEventSourceMapping) note(resource.destinationConfig);
    else if (resource instanceof CfnRule) {
      const targets = stack.resolve(resource.targets) as unknown[] | undefined;
      note((targets ?? []).map(deadLetterConfig));
    } else if (resource instanceof CfnSchedule) note(deadLetterConfig(stack.resolve(resource.target)));
    else if (resource instanceof CfnQueue) note(resource.redrivePolicy, resource);
  }
  for (const queue of deadLetterQueues) {
    if (queue.redrivePolicy !== undefined || queue.redriveAllowPolicy !== undefined) continue;
    // allowAll, not byQueue: naming the source queue's ARN here would make the two queues depend
    // on each other (the source already names this one), which CloudFormation refuses.
    queue.redriveAllowPolicy = { redrivePermission: 'allowAll' };
  }
}
