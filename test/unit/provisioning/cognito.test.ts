import { UsernameExistsException } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import type { StaffAccount } from '../../../functions/domain/staff-account';
import { cognitoProvisioning } from '../../../functions/provisioning/cognito';

/** A hand-written fake of the client's `send`: records each command's name and input. */
function fakeClient(groups: string[] = [], onCreate?: () => never) {
  const sent: Array<{ command: string; input: Record<string, unknown> }> = [];
  return {
    sent,
    names: () => sent.map((s) => s.command),
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      await Promise.resolve(); // a real client answers later
      const name = command.constructor.name;
      sent.push({ command: name, input: command.input });
      if (name === 'AdminCreateUserCommand' && onCreate) onCreate();
      if (name === 'AdminListGroupsForUserCommand')
        return { Groups: groups.map((GroupName) => ({ GroupName })) };
      return {};
    },
  };
}

const account = (over: Partial<StaffAccount> = {}): StaffAccount => ({
  staffId: 'p-1',
  email: 'petra@school.example',
  name: 'Petra Docent',
  groups: ['coach'],
  enabled: true,
  ...over,
});
const port = (client: ReturnType<typeof fakeClient>) =>
  cognitoProvisioning(client as unknown as Parameters<typeof cognitoProvisioning>[0], 'eu-central-1_pool');

describe('the Cognito adapter', () => {
  it('creates a new staff member with a verified address, an invitation by e-mail and their groups', async () => {
    const client = fakeClient();
    await port(client).apply(undefined, account({ groups: ['coach', 'manager'] }));
    expect(client.names()).toEqual([
      'AdminCreateUserCommand',
      'AdminListGroupsForUserCommand',
      'AdminAddUserToGroupCommand',
      'AdminAddUserToGroupCommand',
    ]);
    expect(client.sent[0]?.input).toEqual({
      UserPoolId: 'eu-central-1_pool',
      Username: 'p-1',
      UserAttributes: [
        { Name: 'email', Value: 'petra@school.example' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Petra Docent' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
    });
    expect(client.sent.slice(2).map((s) => s.input.GroupName)).toEqual(['coach', 'manager']);
  });

  it('updates a user that exists already (an earlier attempt, or made by hand) instead of failing', async () => {
    const client = fakeClient([], () => {
      throw new UsernameExistsException({ message: 'exists', $metadata: {} });
    });
    await port(client).apply(undefined, account());
    expect(client.names().slice(0, 2)).toEqual([
      'AdminCreateUserCommand',
      'AdminUpdateUserAttributesCommand',
    ]);
  });

  it("makes the pool's groups the roles: adds what is new, removes what was taken away", async () => {
    const client = fakeClient(['coach', 'admin']);
    await port(client).apply(
      account({ groups: ['admin', 'coach'] }),
      account({ groups: ['coach', 'manager'] }),
    );
    expect(client.names()).toEqual([
      'AdminListGroupsForUserCommand',
      'AdminAddUserToGroupCommand',
      'AdminRemoveUserFromGroupCommand',
    ]);
    expect(client.sent[1]?.input).toEqual({
      UserPoolId: 'eu-central-1_pool',
      Username: 'p-1',
      GroupName: 'manager',
    });
    expect(client.sent[2]?.input).toEqual({
      UserPoolId: 'eu-central-1_pool',
      Username: 'p-1',
      GroupName: 'admin',
    });
  });

  it('changes the address and name of an existing user', async () => {
    const client = fakeClient(['coach']);
    await port(client).apply(account(), account({ email: 'p.docent@school.example' }));
    expect(client.names()).toEqual(['AdminUpdateUserAttributesCommand', 'AdminListGroupsForUserCommand']);
    expect(client.sent[0]?.input.UserAttributes).toContainEqual({
      Name: 'email',
      Value: 'p.docent@school.example',
    });
  });

  it('disables a staff member who left, and enables them when they come back', async () => {
    const client = fakeClient(['coach']);
    await port(client).apply(account(), account({ groups: [], enabled: false }));
    expect(client.sent).toEqual([
      { command: 'AdminDisableUserCommand', input: { UserPoolId: 'eu-central-1_pool', Username: 'p-1' } },
    ]);
    client.sent.length = 0;
    await port(client).apply(account({ groups: [], enabled: false }), account());
    expect(client.names()).toEqual(['AdminEnableUserCommand', 'AdminListGroupsForUserCommand']);
  });
});
