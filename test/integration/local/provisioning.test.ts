import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../functions/store/audit-repository';
import { eventOutboxItem } from '../../../functions/store/event-outbox';
import { putStaff } from '../../../functions/store/staff';
import { getStaffAccount } from '../../../functions/store/staff-accounts';
import { postSigned } from '../../../scripts/local/sign';
import { startLocalSystem } from '../../../scripts/local/system';
import { startedForFile } from '../../support/started';
import { batch } from '../../support/webhook';

/**
 * Staff provisioning in the local system runs as its EventBridge rule does in AWS: subscribed on
 * the bus every publisher uses (the worker's), so `staff.changed` reaches it from the webhook and
 * from the nightly run's sweep of the event outbox alike.
 */

const local = startedForFile(async () => {
  const system = await startLocalSystem({ port: 0, mailboxPort: 0, demo: false });
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: system.dynamoEndpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  return {
    system,
    store: { doc, tableName: system.tableName },
    stop: async () => {
      doc.destroy();
      await system.stop();
    },
  };
});

const staff = (staffId: string, name: string) => ({
  staffId,
  name,
  email: `${staffId}@school.example`,
  roles: ['coach' as const],
  orgUnitIds: ['t-1'],
});
const signInList = async () => {
  const res = await fetch(new URL('/api/auth/local/staff', local.system.apiUrl));
  return ((await res.json()) as { staff: { staffId: string }[] }).staff.map((s) => s.staffId);
};

describe('provisioning in the local system', () => {
  it('gives a staff member sent to the webhook an account on the local sign-in list', async () => {
    const body = JSON.stringify(
      batch({
        id: 'evt-staff-p-webhook',
        type: 'staff.upserted',
        occurredAt: new Date().toISOString(),
        data: staff('p-webhook', 'Wim Webhook'),
      }),
    );
    expect((await postSigned(local.system.webhookUrl, local.system.secret, body)).status).toBe(200);
    expect(await getStaffAccount(local.store, 'p-webhook')).toMatchObject({
      enabled: true,
      groups: ['coach'],
    });
    expect(await signInList()).toContain('p-webhook');
  });

  it('provisions a staff.changed the webhook could not publish when the nightly run sweeps the outbox', async () => {
    // As the webhook leaves it when its publish fails: the staff member stored, the event unpublished.
    await putStaff(local.store, staff('p-sweep', 'Sanne Sweep'), { version: 1, eventIds: ['evt-sweep'] });
    const put = eventOutboxItem(local.store, {
      eventId: 'staff.changed.p-sweep.test',
      event: { type: 'staff.changed', staffId: 'p-sweep' },
      at: new Date().toISOString(),
    }).Put;
    if (!put) throw new Error('eventOutboxItem is a Put');
    await local.store.doc.send(new PutCommand(put));
    expect(await getStaffAccount(local.store, 'p-sweep')).toBeUndefined();

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const run = (await local.system.invoke('nightly', { date: today })) as { eventsPublished?: number };
    expect(run.eventsPublished).toBeGreaterThanOrEqual(1);
    expect(await getStaffAccount(local.store, 'p-sweep')).toMatchObject({ enabled: true, groups: ['coach'] });
    expect((await listAudit(local.store, 'staff', 'p-sweep')).at(-1)).toMatchObject({
      by: 'system',
      what: 'account created (local)',
    });
  });
});
