/**
 * The nightly run's own lists of students to look at without new data: an open window (AP 75)
 * and a held-back report's recheck date (AP 76), as marker items written only when membership
 * changes, so that saving a signal state writes no index copy. States saved before the markers
 * carry the index keys (AP 30, 33) instead: still found, and moved to markers at their next save.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  openWindowGsi1,
  openWindowMarkerKey,
  recheckGsi2,
  recheckMarkerKey,
  signalStateKey,
} from '../../../functions/store/keys';
import { startedForEachTest } from '../../support/started';
import { day, type StoreCall, startHarness } from './harness';

const h = startedForEachTest(startHarness);

const itemAt = async (key: { pk: string; sk: string }) =>
  (await h.table.doc.send(new GetCommand({ TableName: h.table.tableName, Key: key }))).Item;

/** Writes of the nightly run to marker partitions, as `Put OPENWINDOW#3` / `Delete RECHECK#1`. */
function recordMarkerWrites(): string[] {
  const writes: string[] = [];
  h.storeFailsWhen((command: StoreCall) => {
    const name = command.constructor.name;
    const input = command.input as { Item?: { pk: string }; Key?: { pk: string } };
    const pk = input.Item?.pk ?? input.Key?.pk ?? '';
    if (/^(OPENWINDOW|RECHECK)#/.test(pk) && (name === 'PutCommand' || name === 'DeleteCommand'))
      writes.push(`${name.replace('Command', '')} ${pk.split('#')[0]}`);
    return false;
  });
  return writes;
}

describe('the open-window marker', () => {
  it('lists a student whose window opened for the next nights, writes it once, and drops it when the week is over', async () => {
    await h.student('s-rik');
    const writes = recordMarkerWrites();
    // Monday 7 September: one lesson missed, so the 4-week rule must judge the week once it is over.
    await h.deliver(...day('s-rik', '2026-09-07', { lessons: 1 }));
    await h.nightly('2026-09-07');
    expect(await itemAt(openWindowMarkerKey('s-rik'))).toBeDefined();
    const state = await itemAt(signalStateKey('s-rik'));
    expect(state?.gsi1pk).toBeUndefined();
    expect(state?.gsi2pk).toBeUndefined();

    // No new data all week: still evaluated every night while the window is open.
    for (const date of ['2026-09-08', '2026-09-09', '2026-09-10'])
      expect((await h.nightly(date)).evaluated).toBe(1);
    // Friday, the last school day: the week is judged and the window closes.
    expect((await h.nightly('2026-09-11')).evaluated).toBe(1);
    expect(await itemAt(openWindowMarkerKey('s-rik'))).toBeUndefined();
    expect((await h.nightly('2026-09-14')).candidates).toBe(0);
    // Written when it opened and deleted when it closed; the saves in between wrote no marker.
    expect(writes).toEqual(['Put OPENWINDOW', 'Delete OPENWINDOW']);
  });

  it('left behind by a crash after the state closed the window, costs one more evaluation, not a leak', async () => {
    await h.student('s-rik');
    await h.deliver(...day('s-rik', '2026-09-10', { lessons: 1 }));
    await h.nightly('2026-09-10');
    // Friday: the state that closes the window is saved, then deleting the marker fails.
    h.storeFailsWhen(
      (command) =>
        command.constructor.name === 'DeleteCommand' &&
        String((command.input as { Key?: { pk: string } }).Key?.pk).startsWith('OPENWINDOW#'),
    );
    await h.nightly('2026-09-11');
    h.storeRecovers();
    expect((await itemAt(signalStateKey('s-rik')))?.windowOpen).toBe(false);
    expect(await itemAt(openWindowMarkerKey('s-rik'))).toBeDefined();

    // Listed once more, and the marker goes with that evaluation.
    expect((await h.nightly('2026-09-14')).evaluated).toBe(1);
    expect(await itemAt(openWindowMarkerKey('s-rik'))).toBeUndefined();
    expect((await h.nightly('2026-09-15')).candidates).toBe(0);
  });

  it('is not written for a student whose week has no missed lesson', async () => {
    await h.student('s-eva');
    await h.deliver(...day('s-eva', '2026-09-07', { status: 'present' }));
    await h.nightly('2026-09-07');
    expect(await itemAt(openWindowMarkerKey('s-eva'))).toBeUndefined();
    expect((await h.nightly('2026-09-08')).candidates).toBe(0);
  });
});

describe('a signal state saved before the markers (with the index keys)', () => {
  /** The state as the code before AP 75 saved it: the index keys on the item. */
  async function legacyKeys(studentId: string, keys: Record<string, string>) {
    const state = await itemAt(signalStateKey(studentId));
    const { windowOpen: _new, ...old } = state ?? {};
    await h.table.doc.send(new PutCommand({ TableName: h.table.tableName, Item: { ...old, ...keys } }));
  }

  it('with an open window is still found, and its next save moves it to a marker', async () => {
    await h.student('s-rik');
    await h.deliver(...day('s-rik', '2026-09-07', { lessons: 1 }));
    await h.nightly('2026-09-07');
    // As the old code left it: the index key on the state, no marker.
    await legacyKeys('s-rik', { ...openWindowGsi1('s-rik') });
    await h.table.doc.send(
      new DeleteCommand({
        TableName: h.table.tableName,
        Key: openWindowMarkerKey('s-rik'),
      }),
    );

    expect((await h.nightly('2026-09-08')).evaluated).toBe(1);
    const state = await itemAt(signalStateKey('s-rik'));
    expect(state?.gsi1pk).toBeUndefined();
    expect(await itemAt(openWindowMarkerKey('s-rik'))).toBeDefined();
    // Found through the marker from now on.
    expect((await h.nightly('2026-09-09')).evaluated).toBe(1);
  });

  it('with a report held back is still found on its date, and loses the index key at its next save', async () => {
    await h.student('s-rik');
    for (const date of ['2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11']) {
      await h.deliver(...day('s-rik', date));
      await h.nightly(date);
    }
    const state = await itemAt(signalStateKey('s-rik'));
    const recheckOn = String(state?.recheckOn);
    expect(recheckOn).toBe('2026-09-15');
    expect(await itemAt(recheckMarkerKey('s-rik', recheckOn))).toBeDefined();
    // As the old code left it: the recheck key on the state, no marker.
    await legacyKeys('s-rik', { ...recheckGsi2('s-rik', recheckOn) });
    await h.table.doc.send(
      new DeleteCommand({
        TableName: h.table.tableName,
        Key: recheckMarkerKey('s-rik', recheckOn),
      }),
    );

    expect((await h.nightly('2026-09-14')).candidates).toBe(0);
    expect((await h.nightly('2026-09-15')).evaluated).toBe(1);
    const saved = await itemAt(signalStateKey('s-rik'));
    expect(saved?.gsi2pk).toBeUndefined();
    const index = await h.table.doc.send(
      new QueryCommand({
        TableName: h.table.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': recheckGsi2('s-rik', recheckOn).gsi2pk },
      }),
    );
    expect(index.Items ?? []).toEqual([]);
    expect((await h.nightly('2026-09-16')).candidates).toBe(0);
  });
});
