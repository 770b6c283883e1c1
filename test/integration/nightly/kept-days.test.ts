import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { listDaySummaries } from '../../../functions/store/day-summaries';
import { decodeKeptDays } from '../../../functions/store/kept-days-encoding';
import { signalStateKey } from '../../../functions/store/keys';
import { listNightlyFailures } from '../../../functions/store/nightly-failures';
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

/** The kept days and what the registrations say over the same dates. */
async function keptAndTruth(h: Harness, studentId: string) {
  const kept = decodeKeptDays(await signalItem(h, studentId));
  const truth = (await listDaySummaries(h.table, studentId, kept?.from ?? '', kept?.to ?? '')).map(
    (d) => d.summary,
  );
  return { kept, truth };
}

const isDayQueryOf = (command: StoreCall, studentId: string) =>
  command.constructor.name === 'QueryCommand' &&
  (command.input as { ExpressionAttributeValues?: Record<string, unknown> }).ExpressionAttributeValues?.[
    ':pk'
  ] === `STUREG#${studentId}`;

/**
 * Until the returned function is called, the student index does not show the student's lessons of
 * `date` yet (as DynamoDB's eventually consistent index may, right after a delivery).
 */
function indexLagsOn(h: Harness, studentId: string, date: string): () => void {
  const doc = h.table.doc as unknown as { send: (command: StoreCall) => Promise<unknown> };
  const send = doc.send;
  doc.send = async (command: StoreCall) => {
    const out = (await send.call(h.table.doc, command)) as { Items?: Array<Record<string, unknown>> };
    if (!isDayQueryOf(command, studentId)) return out;
    return { ...out, Items: (out.Items ?? []).filter((item) => item.date !== date) };
  };
  return () => {
    doc.send = send;
  };
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
    // The changed days and the days the first night read (read once more, in case the index lagged).
    expect(reads).toEqual(['2026-09-07..2026-09-08', '2026-10-05..2026-10-05']);
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

  it('reads a changed day once more at the next night, in case the index had not shown its change', async () => {
    await h.student('s-lag');
    await h.deliver(...day('s-lag', '2026-09-07', { status: 'present' }));
    await h.nightly('2026-09-07');
    await h.deliver(...day('s-lag', '2026-09-08'));
    // The night reads the change log naming 09-08, but the index does not list those lessons yet.
    const caughtUp = indexLagsOn(h, 's-lag', '2026-09-08');
    await h.nightly('2026-09-08');
    caughtUp();
    expect((await keptAndTruth(h, 's-lag')).kept?.days.map((d) => d.date)).toEqual(['2026-09-07']);

    // The next night with a change for the student: 09-08 is read again and kept as it is.
    await h.deliver(...day('s-lag', '2026-09-09', { status: 'present' }));
    await h.nightly('2026-09-09');
    const { kept, truth } = await keptAndTruth(h, 's-lag');
    expect(kept?.days.map((d) => d.date)).toEqual(['2026-09-07', '2026-09-08', '2026-09-09']);
    expect(kept?.days).toEqual(truth);
  });

  it('keeps owing a failed day after the date of a replay, so a later night keeps it', async () => {
    await h.student('s-replay');
    await h.deliver(...day('s-replay', '2026-09-07', { status: 'present' }));
    await h.nightly('2026-09-07');
    await h.deliver(...day('s-replay', '2026-09-09'));
    // The night of 09-09 fails for this student: it owes 09-09.
    h.storeFailsWhen((command) => isDayQueryOf(command, 's-replay'));
    expect((await h.nightly('2026-09-09')).failedStudents).toBe(1);
    h.storeRecovers();

    // The operator replays an earlier date: it evaluates the student up to 09-08 only.
    await h.nightly('2026-09-08');
    expect((await listNightlyFailures(h.table)).map((f) => [f.studentId, f.dates])).toEqual([
      ['s-replay', ['2026-09-09']],
    ]);

    // The next night evaluates what is still owed, and keeps the day as the registrations say.
    await h.nightly('2026-09-10');
    expect(await listNightlyFailures(h.table)).toEqual([]);
    const { kept, truth } = await keptAndTruth(h, 's-replay');
    expect(kept?.to).toBe('2026-09-10');
    expect(kept?.days.map((d) => d.date)).toEqual(['2026-09-07', '2026-09-09']);
    expect(kept?.days).toEqual(truth);
  });
});
