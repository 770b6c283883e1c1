import { localDate } from '../../../shared/calendar/school-time';
import { type AccountChange, accountChange, accountOf } from '../../domain/staff-account';
import { auditItem } from '../../store/audit-repository';
import type { Store } from '../../store/client';
import { dateItemExpiry } from '../../store/retention';
import { getStaff } from '../../store/staff';
import { getStaffAccount, putStaffAccount } from '../../store/staff-accounts';
import { writeWith } from '../../store/transact';
import type { ProvisioningPort } from './port';

export interface ProvisioningDeps {
  store: Store;
  port: ProvisioningPort;
  retentionYears: number;
  now: () => Date;
}

/** The actor of provisioning's audit entries: nobody did it by hand. */
export const SYSTEM_ACTOR = 'system';

/**
 * Brings a staff member's sign-in account in line with the roster as it is stored now (not as
 * the event said: events may arrive out of order, the stored staff member is the newest). The
 * account's record (AP 51) and its audit entry are written in one transaction after the sign-in
 * side changed; the same event twice finds nothing to change and writes nothing.
 */
export async function provisionStaff(deps: ProvisioningDeps, staffId: string): Promise<AccountChange | null> {
  const { store, port } = deps;
  const staff = await getStaff(store, staffId);
  if (!staff) return null;
  const stored = await getStaffAccount(store, staffId);
  const before = stored && withoutVersion(stored);
  const after = accountOf(staff);
  const change = accountChange(before, after);
  if (change === null) return null;
  await port.apply(before, after);
  const now = deps.now();
  const entry = auditItem(
    store,
    {
      entity: 'staff',
      entityId: staffId,
      at: now.toISOString(),
      by: SYSTEM_ACTOR,
      what: `account ${change} (${port.mode})`,
      before: before ?? null,
      after,
    },
    dateItemExpiry(localDate(now), deps.retentionYears),
  );
  await writeWith(store, [entry], (s) => putStaffAccount(s, after, stored?.version ?? 0));
  return change;
}

function withoutVersion({
  version: _version,
  ...account
}: { version: number } & ReturnType<typeof accountOf>) {
  return account;
}
