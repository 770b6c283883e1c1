/**
 * The night's 8-hour list names several students and has no link from any of them, so the
 * retention rewrite of a leaver cannot reach it: it must not outlive the data of a student it
 * names. It keeps the shortest of its students' expiries, and never more than a year (a worklist
 * item of one night; the student's own signal state and registrations keep the facts).
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { auditPk, taskKey } from '../../../functions/store/keys';
import { eightHourListId } from '../../../functions/store/record-ids';
import { dateItemExpiry } from '../../../functions/store/retention';
import { startedForEachTest } from '../../support/started';
import { leftEvent } from '../../support/webhook';
import { day, startHarness } from '../nightly/harness';

const h = startedForEachTest(startHarness);
const RETENTION_YEARS = 5;
const LEFT_ON = '2026-10-01';

describe("the night's 8-hour list", () => {
  it('and its audit entry expire no later than the data of a student on it who leaves', async () => {
    await h.student('s-ada');
    await h.deliver(...day('s-ada', '2026-09-10'));
    await h.nightly('2026-09-10');
    const listId = eightHourListId('inst', '2026-09-10');
    await h.deliver(leftEvent('s-ada', LEFT_ON));
    await h.nightly(LEFT_ON);

    const list = await h.table.doc.send(
      new GetCommand({ TableName: h.table.tableName, Key: taskKey(listId) }),
    );
    expect(list.Item?.eightHours).toEqual([expect.objectContaining({ studentId: 's-ada' })]);
    const trail = await h.table.doc.send(
      new QueryCommand({
        TableName: h.table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditPk('task', listId) },
      }),
    );
    expect(trail.Items?.length).toBeGreaterThan(0);
    const leaverGoneAt = dateItemExpiry(LEFT_ON, RETENTION_YEARS);
    for (const item of [list.Item, ...(trail.Items ?? [])])
      expect(item?.expiresAt as number).toBeLessThanOrEqual(leaverGoneAt);
  });
});
