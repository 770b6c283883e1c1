import type { EventOf } from '../../../shared/contract/events';
import { ConcurrentModification } from '../../domain/errors';
import { batchGet, keyId } from '../../store/dynamo';
import { keepNewest, readEventIds } from '../../store/event-ids';
import * as keys from '../../store/keys';
import { putOrgUnit } from '../../store/org-units';
import { putPortalNotice } from '../../store/portal-notices';
import { dateItemExpiry } from '../../store/retention';
import { putStaff } from '../../store/staff';
import { setEventIds } from '../../store/versioned';
import { type BatchState, decide, versionOf, type Work } from './context';
import { forEachGroup } from './group';
import { reclassifySevereWeather } from './severe-weather';
import { staffChanged } from './staff-events';

type MasterEvent = EventOf<'orgunit.upserted'> | EventOf<'staff.upserted'> | EventOf<'portal.notice'>;

const keyOf = (event: MasterEvent): keys.PrimaryKey => {
  switch (event.type) {
    case 'orgunit.upserted':
      return keys.orgUnitKey(event.data.orgUnitId);
    case 'staff.upserted':
      return keys.staffKey(event.data.staffId);
    case 'portal.notice':
      return keys.noticeKey(event.data.date, event.data.kind);
  }
};

/**
 * Org units, staff and portal notices: ordered by `occurredAt`, duplicates recognised by
 * the event ids kept on the item. A new severe-weather notice first reclassifies that
 * date's stored registrations, then is stored (the notice item is the commit record), then
 * reclassifies them once more for lessons a concurrent delivery classified without it.
 */
export async function applyMasterData(state: BatchState, work: Array<Work<MasterEvent>>): Promise<void> {
  if (work.length === 0) return;
  const { store } = state.deps;
  const stored = await batchGet(
    store,
    work.map((w) => keyOf(w.event)),
  );
  await forEachGroup(
    work,
    (w) => keyId(keyOf(w.event)),
    async (group) => {
      for (const w of group) {
        const key = keyOf(w.event);
        const item = stored.get(keyId(key));
        const settled = readEventIds(item?.eventIds);
        if (settled.includes(w.event.id)) {
          decide(state, w, 'duplicate');
          continue;
        }
        const eventIds = keepNewest(settled, w.event.id);
        const meta = { version: versionOf(w.event), eventIds };
        try {
          await applyOne(state, w.event, meta);
          decide(state, w, 'applied');
          stored.set(keyId(key), { ...item, version: meta.version, eventIds });
        } catch (error) {
          if (!(error instanceof ConcurrentModification)) throw error;
          // Only an item that exists holds a later version: it keeps this id too.
          await setEventIds(store, key, eventIds);
          stored.set(keyId(key), { ...item, eventIds });
          decide(state, w, 'stale');
        }
      }
    },
  );
}

async function applyOne(
  state: BatchState,
  event: MasterEvent,
  meta: { version: number; eventIds: readonly string[] },
) {
  const { store, retentionYears } = state.deps;
  switch (event.type) {
    case 'orgunit.upserted':
      return putOrgUnit(store, event.data, meta);
    case 'staff.upserted': {
      // The event first: a crash before the staff member is stored leaves an event that finds
      // nothing new (provisioning reads the stored staff member), never a change without one.
      state.outboxEvents.push(await staffChanged(store, event));
      return putStaff(store, event.data, meta);
    }
    case 'portal.notice': {
      const expiresAt = dateItemExpiry(event.data.date, retentionYears);
      const dates = new Set([...state.severeWeatherDates, event.data.date]);
      await reclassifySevereWeather(state, event.data.date, dates);
      await putPortalNotice(store, event.data, { ...meta, expiresAt });
      state.severeWeatherDates.add(event.data.date);
      // Once more now the notice is stored: for lessons of that date a concurrent delivery
      // classified without it (the same write-then-read as reclassifyForNotice).
      await reclassifySevereWeather(state, event.data.date, dates);
      return;
    }
  }
}
