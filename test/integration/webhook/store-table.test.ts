import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { startTestTable } from '../../support/dynalite';
import { startedForFile } from '../../support/started';

const table = startedForFile(startTestTable);

describe('the local table', () => {
  it('has the primary key and both projecting-all indexes the data model describes', async () => {
    const { Table } = await (table.doc as unknown as DynamoDBClient).send(
      new DescribeTableCommand({ TableName: table.tableName }),
    );
    expect(Table?.KeySchema?.map((k) => k.AttributeName)).toEqual(['pk', 'sk']);
    expect(
      Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.Projection?.ProjectionType]).sort(),
    ).toEqual([
      ['gsi1', 'ALL'],
      ['gsi2', 'ALL'],
    ]);
  });
});
