import { join } from 'node:path';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type FunctionName, SERVICE_NAMES } from '../../functions/service-names';
import { acknowledge } from '../nag';
import { handlerEntry, REPO_ROOT } from '../paths';

export interface HandlerFunctionProps {
  /** File name in functions/handlers without `.ts`; its service name is `SERVICE_NAMES[handler]`. */
  handler: FunctionName;
  description: string;
  environment: Record<string, string>;
  /** RETENTION_YEARS: every function gets it, so no writer can fall back to a different default. */
  retentionYears: number;
  memorySize: number;
  timeout: Duration;
  /** At most this many instances at once, always available to this function (LIMITS). */
  reservedConcurrentExecutions?: number;
  /** Failed asynchronous invocations end up here. */
  deadLetterQueue?: IQueue;
}

/**
 * One Lambda handler as it runs in AWS: Node 22 on arm64, bundled by the local esbuild (no
 * Docker) into an ES module, its own log group with a bounded retention.
 */
export class HandlerFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);

    const logGroup = new LogGroup(this, 'Logs', {
      // Logs may name students; keep them as long as needed to investigate, not longer.
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.fn = new NodejsFunction(this, 'Function', {
      entry: handlerEntry(props.handler),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: SERVICE_NAMES[props.handler],
        POWERTOOLS_METRICS_NAMESPACE: 'Presentie',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        RETENTION_YEARS: String(props.retentionYears),
        ...props.environment,
      },
      ...(props.reservedConcurrentExecutions === undefined
        ? {}
        : { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
      ...(props.deadLetterQueue
        ? { deadLetterQueueEnabled: true, deadLetterQueue: props.deadLetterQueue }
        : {}),
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        // Some dependencies still call require(); give the ES module one.
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // Ship the SDK version we test against instead of the runtime's.
        bundleAwsSDK: true,
        tsconfig: join(REPO_ROOT, 'tsconfig.json'),
      },
    });

    acknowledge(this.fn, {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'AWSLambdaBasicExecutionRole only allows writing to CloudWatch Logs; it is the documented minimum for a Lambda function.',
    });
    acknowledge(this.fn, {
      id: 'AwsSolutions-L1',
      reason:
        'The team stack fixes nodejs22.x (docs/architecture.md, STACK.md): dependencies are pinned to releases that support Node 20 locally and Node 22 in Lambda. nodejs22.x is supported by AWS until 2027; moving to nodejs24.x is a deliberate upgrade.',
    });
  }
}
