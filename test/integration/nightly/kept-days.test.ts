import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { listDaySummaries } from '../../../functions/store/day-summaries';
import { decodeKeptDays } from '../../../functions/store/kept-days-encoding';
import { signalStateKey } from '../../../functions/store/keys';
import { startedForEachTest } from '../../support/started';
import { deletionEvent } from '../../support/webhook';
import { day, type Harness, type StoreCall, startHarness } from './harness';

const h = startedForEachTest(startHarness);

async function signalItem(h: Harness, studentId: string) {
  const out = await h.table.doc.send(
    new GetCommand({ TableName: h.table.tableName, Key: signalStateKey(studentId), ConsistentRead: true }),
  );
  return out.Item ?? {};
}

/** The student-index queries (registrations by day) the nightly run makes, as date ranges. */
function dayReads(h: Harness): string[] {
  const reads: string[] = [];
  h.storeFailsWhen((command: StoreCall) => {
    const input = command.input as { IndexName?: string; ExpressionAttributeValues?: Record<string, string> };
    const values = input.ExpressionAttributeValues ?? {};
    if (command.constructor.name === 'QueryCommand' && String(values[':pk']).startsWith('STUREG#'))
      reads.push(`${values[':from']?.slice(4, 14)}..${values[':to']?.slice(4, 14)}`);
    return false;
  });
  return reads;
}

describe('the days kept on the signal state', () => {
  it('reads only the changed days once the state keeps the lookback, and keeps what the registrations say', async () => {
    await h.student('s-keep');
    await h.deliver(...day('s-keep', '2026-09-07'), ...day('s-keep', '2026-09-08', { status: 'present' }));
    const reads = dayReads(h);
    await h.nightly('2026-09-08');
    // First night: no kept days yet, every day of the lookback read.
    expect(reads).toHaveLength(1);
    let kept = decodeKeptDays(await signalItem(h, 's-keep'));
    expect(kept?.to).toBe('2026-09-08');
    expect(kept?.days.map((d) => [d.date, d.unauthorizedMinutes])).toEqual([
      ['2026-09-07', 480],
      ['2026-09-08', 0],
    ]);

    // Weeks later: a new day and a correction of an older one (its absence deleted).
    await h.deliver(...day('s-keep', '2026-10-05'));
    await h.deliver(...[0, 1, 2, 3].map((i) => deletionEvent(`s-keep-2026-09-07-${i}`, 1)));
    reads.length = 0;
    await h.nightly('2026-10-05');
    expect(reads).toEqual(['2026-09-07..2026-09-07', '2026-10-05..2026-10-05']);
    kept = decodeKeptDays(await signalItem(h, 's-keep'));
    expect(kept?.days).toEqual(
      (await listDaySummaries(h.table, 's-keep', kept?.from ?? '', kept?.to ?? '')).map((d) => d.summary),
    );
    expect(kept?.days.map((d) => d.date)).toEqual(['2026-09-08', '2026-10-05']);
    h.storeRecovers();
  });

  it('reads every day again for a state saved before days were kept, and gives the same signals', async () => {
    await h.student('s-old');
    // Two school weeks of truancy: a 16-hour report.
    const dates = ['2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10'];
    await h.deliver(...dates.slice(0, 2).flatMap((d) => day('s-old', d)));
    await h.nightly('2026-09-08');
    // As if saved before this change: the kept days are gone.
    await h.table.doc.send(
      new UpdateCommand({
        TableName: h.table.tableName,
        Key: signalStateKey('s-old'),
        UpdateExpression: 'REMOVE daysFrom, daysTo, #days',
        ExpressionAttributeNames: { '#days': 'days' },
      }),
    );
    await h.deliver(...dates.slice(2).flatMap((d) => day('s-old', d)));
    const reads = dayReads(h);
    const run = await h.nightly('2026-09-10');
    expect(reads).toHaveLength(1);
    expect(reads[0]?.startsWith('2026-0')).toBe(true);
    expect(run.signals).toBeGreaterThan(0);
    expect(decodeKeptDays(await signalItem(h, 's-old'))?.days.map((d) => d.date)).toEqual(dates);
    h.storeRecovers();
  });
});
