import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  type CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { StaffAccount } from '../domain/staff-account';
import type { ProvisioningPort } from '../usecases/provisioning/port';

type Client = Pick<CognitoIdentityProviderClient, 'send'>;

/**
 * Accounts of the Cognito user pool. The username is the staff id: it never changes, while an
 * e-mail address may (the pool signs in by the `email` alias). The address is marked verified,
 * since the school's roster is its source; Cognito mails the invitation with a temporary
 * password through SES (the pool's `email` setting in infra).
 */
export function cognitoProvisioning(client: Client, userPoolId: string): ProvisioningPort {
  const user = (account: StaffAccount) => ({ UserPoolId: userPoolId, Username: account.staffId });
  const attributes = (account: StaffAccount) => [
    { Name: 'email', Value: account.email },
    { Name: 'email_verified', Value: 'true' },
    { Name: 'name', Value: account.name },
  ];

  async function createOrUpdate(before: StaffAccount | undefined, after: StaffAccount): Promise<void> {
    if (!before) {
      try {
        await client.send(
          new AdminCreateUserCommand({
            ...user(after),
            UserAttributes: attributes(after),
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        );
        return;
      } catch (error) {
        // Created by an earlier attempt whose record was not written, or by hand: update it.
        if (!(error instanceof UsernameExistsException)) throw error;
      }
    } else if (before.email === after.email && before.name === after.name) {
      return;
    }
    await client.send(
      new AdminUpdateUserAttributesCommand({ ...user(after), UserAttributes: attributes(after) }),
    );
  }

  /** The pool's groups made equal to the account's, read from the pool (a hand-made change is undone). */
  async function syncGroups(account: StaffAccount): Promise<void> {
    const current = new Set<string>();
    let token: string | undefined;
    do {
      const page = await client.send(
        new AdminListGroupsForUserCommand({ ...user(account), NextToken: token }),
      );
      for (const g of page.Groups ?? []) if (g.GroupName) current.add(g.GroupName);
      token = page.NextToken;
    } while (token);
    for (const group of account.groups) {
      if (!current.has(group))
        await client.send(new AdminAddUserToGroupCommand({ ...user(account), GroupName: group }));
    }
    for (const group of current) {
      if (!account.groups.includes(group))
        await client.send(new AdminRemoveUserFromGroupCommand({ ...user(account), GroupName: group }));
    }
  }

  return {
    mode: 'cognito',
    async apply(before, after) {
      if (!after.enabled) {
        // Disabling revokes the user's tokens; the groups stay, so enabling again restores them.
        await client.send(new AdminDisableUserCommand(user(after)));
        return;
      }
      await createOrUpdate(before, after);
      if (before && !before.enabled) await client.send(new AdminEnableUserCommand(user(after)));
      await syncGroups(after);
    },
  };
}
