import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/store/table-definition';
import { SYNTH_TIMEOUT_MS, type Synthesized, synthesizePresentie } from './synth';

let synth: Synthesized;
let data: Template;

beforeAll(() => {
  synth = synthesizePresentie();
  data = synth.template(synth.stacks.data);
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth.cleanup());

describe('the table', () => {
  it('has the keys and both indexes the repositories use (functions/store/table-definition.ts)', () => {
    const code = tableDefinition('any');
    const tables = data.findResources('AWS::DynamoDB::Table');
    expect(Object.keys(tables)).toHaveLength(1);
    const [table] = Object.values(tables) as Array<{ Properties: Record<string, unknown> }>;
    const props = table?.Properties ?? {};
    expect(props.KeySchema).toEqual(code.KeySchema);
    expect(new Set(props.AttributeDefinitions as unknown[])).toEqual(new Set(code.AttributeDefinitions));
    expect(props.GlobalSecondaryIndexes).toEqual(code.GlobalSecondaryIndexes);
    expect(props.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: 'gsi1',
        KeySchema: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: 'gsi2',
        KeySchema: [
          { AttributeName: 'gsi2pk', KeyType: 'HASH' },
          { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
  });

  it('bills on demand, expires items on expiresAt and can be restored to any point in time', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
  });

  it('stores in the Standard-IA class: years of registrations kept, each read rarely', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', { TableClass: 'STANDARD_INFREQUENT_ACCESS' });
  });

  it('survives stack deletion and replacement', () => {
    data.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('the webhook secret', () => {
  it('lives in Secrets Manager, generated there, so the template never carries a value', () => {
    data.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ ExcludePunctuation: true }),
      SecretString: Match.absent(),
    });
    data.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
  });

  it('is handed to the webhook handler by ARN only', () => {
    const app = synth.template(synth.stacks.app);
    const functions = app.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { PRESENCE_WEBHOOK_SECRET_ARN: Match.anyValue() } } },
    });
    expect(Object.keys(functions)).toHaveLength(1);
    const [fn] = Object.values(functions) as Array<{
      Properties: { Environment: { Variables: Record<string, unknown> } };
    }>;
    // A reference to the Data stack's secret, never a literal.
    expect(typeof fn?.Properties.Environment.Variables.PRESENCE_WEBHOOK_SECRET_ARN).toBe('object');
  });

  it('appears in no template as a whsec_ value or a plain SecretString', () => {
    const everything = JSON.stringify(synth.templates());
    expect(everything.match(/whsec_[A-Za-z0-9+/=]{8,}/g)).toBeNull();
    expect(everything.match(/"SecretString"/g)).toBeNull();
  });
});
