import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableClass } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { TABLE_KEYS } from '../table-keys';

/**
 * Everything that holds data we cannot rebuild: the single table and the webhook secret.
 * Kept apart from the code so that replacing or destroying the app never touches them.
 */
export class DataStack extends Stack {
  readonly table: Table;
  readonly webhookSecret: Secret;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      // Storage outweighs reads and writes on this table (years of registrations kept for the law,
      // each read rarely): Standard-IA stores for 60 % less and charges 25 % more per request unit,
      // cheaper in every column of the measured bill (docs/deploy.md, npm run bench -- cost).
      tableClass: TableClass.STANDARD_INFREQUENT_ACCESS,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: TABLE_KEYS.ttlAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of TABLE_KEYS.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    // CloudFormation generates the initial value; the template only ever holds a reference.
    // The operator replaces it with the `whsec_...` value handed to the presence system
    // (docs/deploy.md), so until then no request can authenticate: the webhook fails closed.
    this.webhookSecret = new Secret(this, 'PresenceWebhookSecret', {
      description: 'Presence webhook signing secret(s): one or more whsec_... values, space separated',
      generateSecretString: { passwordLength: 44, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.webhookSecret, {
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret is shared with the external presence system, so rotation is a coordinated hand-over: both secrets are valid side by side (space separated) until the vendor switches, as described in docs/deploy.md. An automatic rotation Lambda would break the webhook.',
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'PresenceWebhookSecretArn', { value: this.webhookSecret.secretArn });
  }
}
