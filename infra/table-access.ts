import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { TABLE_KEYS } from './table-keys';

/** Item reads and writes only: no Scan (the repositories query by key), no table management, streams, PartiQL or transactions. */
export const TABLE_DATA_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:DescribeTable',
] as const;

/**
 * Read/write on the table and its two named indexes. Unlike `grantReadWriteData`, which grants
 * `index/*`, no wildcard resource appears in the policy.
 */
export function grantTableData(table: ITable, grantee: IGrantable): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [...TABLE_DATA_ACTIONS],
      resources: [
        table.tableArn,
        ...TABLE_KEYS.indexes.map((index) => `${table.tableArn}/index/${index.name}`),
      ],
    }),
  );
}
