import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { readDeployConfig } from '../../infra/config';
import { REPO_ROOT } from '../../infra/paths';
import { createPresentie } from '../../infra/presentie';
import type { Deployed } from './cost-model';

type Resource = { Type: string; Properties?: Record<string, unknown> };

/**
 * What is deployed, read from the synthesized templates of the real CDK app (cdk.json's
 * context, handlers not bundled: only the resources matter here), so that a function's memory, a
 * new state machine or queue, or another alarm changes the bill without an edit in the bench.
 */
export function readDeployed(): Deployed {
  const context = (JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: object })
    .context;
  const outdir = mkdtempSync(join(tmpdir(), 'presentie-cost-'));
  try {
    // The dashboard's files do not change the bill: the bench runs without `npm run build:web`.
    const app = new App({
      outdir,
      context: { ...context, 'aws:cdk:bundling-stacks': [], dashboardBuild: 'optional' },
    });
    const config = readDeployConfig(app.node);
    createPresentie(app, config);
    const resources = app
      .synth()
      .stacks.flatMap((s) =>
        Object.values((s.template as { Resources?: Record<string, Resource> }).Resources ?? {}),
      );
    const count = (type: string) => resources.filter((r) => r.Type === type).length;
    const functions = resources
      .filter((r) => r.Type === 'AWS::Lambda::Function')
      .map((r) => {
        const props = r.Properties ?? {};
        const env =
          (props.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
        return {
          service:
            typeof env.POWERTOOLS_SERVICE_NAME === 'string' ? env.POWERTOOLS_SERVICE_NAME : 'deployment',
          memoryMb: Number(props.MemorySize ?? 128),
          arm64: ((props.Architectures as string[] | undefined) ?? []).includes('arm64'),
        };
      });
    const table = resources.find((r) => r.Type === 'AWS::DynamoDB::Table')?.Properties ?? {};
    const pitr = Boolean(
      (table.PointInTimeRecoverySpecification as { PointInTimeRecoveryEnabled?: boolean } | undefined)
        ?.PointInTimeRecoveryEnabled,
    );
    const wafRules = resources
      .filter((r) => r.Type === 'AWS::WAFv2::WebACL')
      .reduce((n, r) => n + ((r.Properties?.Rules as unknown[] | undefined)?.length ?? 0), 0);
    const logRetentionDays = resources
      .filter((r) => r.Type === 'AWS::Logs::LogGroup')
      .map((r) => Number(r.Properties?.RetentionInDays ?? 3653));
    const sqsMappings = resources.filter(
      (r) =>
        r.Type === 'AWS::Lambda::EventSourceMapping' &&
        JSON.stringify(r.Properties?.EventSourceArn ?? '').includes('Queue'),
    ).length;
    type DistributionConfig = {
      DefaultCacheBehavior?: { Compress?: boolean; FunctionAssociations?: Array<{ EventType?: string }> };
    };
    const distribution = resources.find((r) => r.Type === 'AWS::CloudFront::Distribution')?.Properties
      ?.DistributionConfig as DistributionConfig | undefined;
    const defaultBehavior = distribution?.DefaultCacheBehavior ?? {};
    return {
      functions,
      onDemand: table.BillingMode === 'PAY_PER_REQUEST',
      infrequentAccess: table.TableClass === 'STANDARD_INFREQUENT_ACCESS',
      pitr,
      alarms: count('AWS::CloudWatch::Alarm'),
      alarmMetrics: resources
        .filter((r) => r.Type === 'AWS::CloudWatch::Alarm')
        .reduce((n, r) => {
          const metrics = r.Properties?.Metrics as Array<{ MetricStat?: unknown }> | undefined;
          return n + (metrics ? metrics.filter((m) => m.MetricStat).length : 1);
        }, 0),
      logGroups: logRetentionDays.length,
      logRetentionDays: Math.max(0, ...logRetentionDays),
      stateMachines: count('AWS::StepFunctions::StateMachine'),
      sqsMappings,
      secrets: count('AWS::SecretsManager::Secret'),
      webAcls: count('AWS::WAFv2::WebACL'),
      wafRules,
      userPools: count('AWS::Cognito::UserPool'),
      schedules: count('AWS::Scheduler::Schedule'),
      archiveBuckets: count('AWS::S3::Bucket') - 1,
      retentionYears: config.retentionYears,
      cloudFrontCompress: defaultBehavior.Compress === true,
      viewerFunctions: (defaultBehavior.FunctionAssociations ?? []).filter((f) =>
        f.EventType?.startsWith('viewer'),
      ).length,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
