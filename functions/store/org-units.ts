import type { OrgUnitData } from '../../shared/contract/events';
import type { Store } from './client';
import { byPartition, queryAll } from './dynamo';
import * as keys from './keys';
import { plain, versionedUpsert } from './versioned';

export type OrgUnit = OrgUnitData;

export async function putOrgUnit(
  store: Store,
  unit: OrgUnitData,
  meta: { version: number; eventIds: readonly string[] },
) {
  await versionedUpsert(
    store,
    keys.orgUnitKey(unit.orgUnitId),
    {
      type: 'orgunit',
      ...keys.orgUnitListGsi1(unit.orgUnitId),
      ...(unit.parentId
        ? keys.orgUnitChildGsi2(unit.parentId, unit.orgUnitId)
        : { gsi2pk: undefined, gsi2sk: undefined }),
      orgUnitId: unit.orgUnitId,
      name: unit.name,
      kind: unit.kind,
      parentId: unit.parentId,
    },
    { ...meta, what: `org unit ${unit.orgUnitId}` },
  );
}

/** Every org unit; build the tree from `parentId` (a school has few enough to hold in memory). */
export async function listOrgUnits(store: Store): Promise<OrgUnit[]> {
  return (await queryAll(store, byPartition('gsi1', keys.orgUnitListPk()))).map((i) => plain<OrgUnit>(i));
}
