import { describe, expect, it } from 'vitest';
import { localProvisioning } from '../../../functions/provisioning/local';
import { listAudit } from '../../../functions/store/audit-repository';
import { getStaffAccount } from '../../../functions/store/staff-accounts';
import { bindSignIn, getBoundStaffId } from '../../../functions/store/staff-sign-in';
import { provisionStaff } from '../../../functions/usecases/provisioning/provision-staff';
import { startedForEachTest } from '../../support/started';
import { batch } from '../../support/webhook';
import { apiClient } from '../api/fixture';
import { startHarness } from '../webhook/harness';

const T0 = Date.parse('2028-07-21T08:00:00Z');
let seq = 0;
/** A `staff.upserted` as the presence system (or the import) sends it; later events occur later. */
const staffEvent = (roles: string[], id = `evt-${++seq}`, data: Record<string, unknown> = {}) => ({
  id,
  type: 'staff.upserted',
  occurredAt: new Date(T0 + seq * 60_000).toISOString(),
  data: {
    staffId: 'p-1',
    name: 'Petra Docent',
    email: 'Petra@School.example',
    roles,
    orgUnitIds: ['t-1'],
    ...data,
  },
});

const system = startedForEachTest(async () => {
  const webhook = await startHarness();
  const api = await apiClient(webhook.table);
  return { webhook, api, stop: () => webhook.stop() };
});

const send = async (...events: unknown[]) => {
  const res = await system.webhook.send(batch(...(events as Record<string, unknown>[])));
  expect(res.status).toBe(200);
  return res;
};
const account = () => getStaffAccount(system.webhook.table, 'p-1');
const trail = () => listAudit(system.webhook.table, 'staff', 'p-1');
const localList = async () =>
  (
    (await system.api.call(null, 'GET', '/api/auth/local/staff')).json as {
      staff: { staffId: string }[];
    }
  ).staff.map((s) => s.staffId);
const signIn = (staffId = 'p-1') => system.api.call(null, 'POST', '/api/auth/local/token', { staffId });
const me = async (token: string) => system.api.callWith(token, 'GET', '/api/me');

describe('provisioning staff from staff.upserted, local adapter', () => {
  it('gives a staff member who arrives through the webhook an account with their roles as groups, and lets them sign in', async () => {
    await send(staffEvent(['coach']));
    expect(await account()).toMatchObject({
      email: 'petra@school.example',
      name: 'Petra Docent',
      groups: ['coach'],
      enabled: true,
    });
    const entries = await trail();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ by: 'system', what: 'account created (local)', before: null });
    expect(await localList()).toContain('p-1');
    const { json } = await signIn();
    const res = await me((json as { token: string }).token);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ staffId: 'p-1', roles: ['coach'] });
  });

  it('changes the groups when the roles change, audited with before and after', async () => {
    await send(staffEvent(['coach']));
    await send(staffEvent(['coach', 'manager']));
    expect((await account())?.groups).toEqual(['coach', 'manager']);
    const last = (await trail()).at(-1);
    expect(last).toMatchObject({ by: 'system', what: 'account updated (local)' });
    expect(last?.before).toMatchObject({ groups: ['coach'] });
    expect(last?.after).toMatchObject({ groups: ['coach', 'manager'] });
  });

  it('disables a staff member sent with no roles: off the sign-in list, refused with a token still valid, binding gone', async () => {
    await send(staffEvent(['coach']));
    const token = ((await signIn()).json as { token: string }).token;
    expect((await me(token)).status).toBe(200);

    await send(staffEvent([]));
    expect(await account()).toMatchObject({ enabled: false });
    expect((await trail()).at(-1)).toMatchObject({ what: 'account disabled (local)' });
    expect(await localList()).not.toContain('p-1');
    expect((await signIn()).status).toBe(404);
    expect((await me(token)).status).toBe(403);

    // Back in the roster: enabled again, and they sign in again.
    await send(staffEvent(['coach']));
    expect((await trail()).at(-1)).toMatchObject({ what: 'account enabled (local)' });
    expect((await me(((await signIn()).json as { token: string }).token)).status).toBe(200);
  });

  it('changes nothing for the same event twice, in another delivery or published again', async () => {
    const event = staffEvent(['coach']);
    await send(event);
    const again = await send(event);
    expect(again.body.results?.[0]?.outcome).toBe('duplicate');
    const deps = {
      store: system.webhook.table,
      port: localProvisioning(system.webhook.table),
      retentionYears: 5,
      now: () => new Date(),
    };
    expect(await provisionStaff(deps, 'p-1')).toBeNull();
    expect(await trail()).toHaveLength(1);
  });

  it('does not give an account to someone who never had a role', async () => {
    await send(staffEvent([]));
    expect(await account()).toBeUndefined();
    expect(await trail()).toHaveLength(0);
  });

  it('removes the binding of a disabled staff member, so their old identity finds nobody', async () => {
    await send(staffEvent(['coach']));
    await bindSignIn(system.webhook.table, 'https://login.example#entra-user-1', 'p-1');
    await send(staffEvent([]));
    expect(await getBoundStaffId(system.webhook.table, 'https://login.example#entra-user-1')).toBeUndefined();
  });
});
