import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, AspectPriority, Aspects, Duration, Stack } from 'aws-cdk-lib';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, Pass, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlTowerGuard, type GUARD_SUPPRESSIONS } from '../../infra/guard';
import { describeFinding, type GuardFinding, runControlTowerGuard } from './cfn-guard';
import { SYNTH_TIMEOUT_MS, type Synthesized, synthesizePresentie } from './synth';

let synth: Synthesized;
let findings: GuardFinding[];

beforeAll(() => {
  synth = synthesizePresentie();
  findings = runControlTowerGuard(synth.assembly.stacks.map((s) => s.templateFullPath));
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth.cleanup());

describe('AWS Control Tower Guard rules (cfn-guard) over the synthesized templates', () => {
  it('find nothing that is not fixed or suppressed with a reason', () => {
    expect(findings.filter((f) => f.suppressedBecause === undefined).map(describeFinding)).toEqual([]);
  });

  it('give every suppression a reason of its own', () => {
    const suppressed = findings.filter((f) => f.suppressedBecause !== undefined);
    expect(suppressed.length).toBeGreaterThan(10);
    for (const finding of suppressed) {
      expect(finding.suppressedBecause?.length, describeFinding(finding)).toBeGreaterThan(60);
    }
    const reasons = new Set(suppressed.map((f) => f.suppressedBecause));
    expect(reasons.size).toBeGreaterThan(10);
  });

  it('suppress only rules that do fail: a suppression without a finding is stale', () => {
    const found = new Set(findings.map((f) => `${f.stack}/${f.resource}/${f.rule}`));
    const stale: string[] = [];
    for (const artifact of synth.assembly.stacks) {
      const resources = (
        artifact.template as {
          Resources: Record<string, { Metadata?: { guard?: { SuppressedRules: string[] } } }>;
        }
      ).Resources;
      for (const [id, resource] of Object.entries(resources)) {
        for (const rule of resource.Metadata?.guard?.SuppressedRules ?? []) {
          const key = `${artifact.id}/${id}/${rule}`;
          if (!found.has(key)) stale.push(key);
        }
      }
    }
    expect(stale).toEqual([]);
  });
});

describe('the guard check itself', () => {
  let outdir: string;
  let probe: GuardFinding[];

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'presentie-guard-'));
    const app = new App({ outdir });
    // Without the Aspect: a bucket as aws-cdk-lib makes it by default.
    new Bucket(new Stack(app, 'Bare'), 'Plain');
    // With the Aspect: the kinds of resource the nightly fan-out and the archive add.
    const covered = new Stack(app, 'Covered');
    Aspects.of(covered).add(new ControlTowerGuard(), { priority: AspectPriority.MUTATING });
    const deadLetters = new Queue(covered, 'SenderDeadLetters', { encryption: QueueEncryption.SQS_MANAGED });
    new Queue(covered, 'Sender', {
      encryption: QueueEncryption.SQS_MANAGED,
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 3 },
    });
    new Queue(covered, 'Orphan', { encryption: QueueEncryption.SQS_MANAGED });
    new Bucket(covered, 'Archive', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(5 * 366) }],
    });
    const machineLogs = new LogGroup(covered, 'MachineLogs');
    new StateMachine(covered, 'Machine', {
      definitionBody: DefinitionBody.fromChainable(new Pass(covered, 'Step')),
      logs: { destination: machineLogs, level: LogLevel.ERROR },
    });
    new LambdaFunction(covered, 'Worker', {
      runtime: Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler = async () => {};'),
    });
    const assembly = app.synth();
    probe = runControlTowerGuard(assembly.stacks.map((s) => s.templateFullPath));
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('reports a bucket without versioning and lifecycle', () => {
    const bare = probe.filter((f) => f.stack === 'Bare').map((f) => `${f.control} ${f.rule}`);
    expect(bare).toContain('CT.S3.PR.11 s3_bucket_versioning_enabled_check');
    expect(bare).toContain('CT.S3.PR.6 s3_lifecycle_policy_check');
  });

  it('leaves a queue that neither has nor is a dead-letter queue as a finding', () => {
    const open = probe.filter((f) => f.stack === 'Covered' && f.suppressedBecause === undefined);
    expect(open.map((f) => `${f.rule} ${f.resource.replace(/[0-9A-F]{8}$/, '')}`)).toEqual([
      'sqs_dlq_check Orphan',
    ]);
  });

  it('covers a state machine, a worker, a queue pair and an archive bucket added by others', () => {
    const suppressed = new Set(
      probe.filter((f) => f.stack === 'Covered' && f.suppressedBecause).map((f) => f.rule),
    );
    expect([...suppressed].sort()).toEqual(
      (
        [
          'cloudwatch_log_group_encrypted_check',
          'lambda_inside_vpc_check',
          's3_bucket_default_encryption_kms_check',
          's3_bucket_logging_enabled_check',
          's3_bucket_object_lock_enabled_check',
          's3_event_notifications_enabled_check',
          'step_functions_state_machine_tracing_enabled_check',
        ] satisfies (keyof typeof GUARD_SUPPRESSIONS)[]
      ).sort(),
    );
  });
});
