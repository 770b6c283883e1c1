import { CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type CfnUserPoolClient,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  ProviderAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolEmail,
  UserPoolIdentityProviderOidc,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import type { EntraConfig } from '../config';
import { acknowledge } from '../nag';

/** The dashboard roles; each is a Cognito group and arrives in the ID token's `cognito:groups`. */
export const ROLE_GROUPS = ['coach', 'manager', 'attendance_officer', 'front_office', 'admin'] as const;

export interface AuthStackProps extends StackProps {
  authDomainPrefix: string;
  /** Where the dashboard lives; sign-in returns there. */
  dashboardUrl: string;
  entra?: EntraConfig;
  /** The SES domain and sender invitations go out with; absent: Cognito's own mailer. */
  mail?: { domain: string; senderAddress: string };
}

/** Staff sign-in: a user pool with a group per role, the hosted sign-in and the dashboard's client. */
export class AuthStack extends Stack {
  readonly userPool: UserPool;
  /** The dashboard's client for accounts of the pool itself. */
  readonly client: UserPoolClient;
  /** The dashboard's client for staff federated through Entra ID, when it is configured. */
  readonly entraClient?: UserPoolClient;
  readonly domain: UserPoolDomain;
  readonly hostedSignInUrl: string;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);

    this.userPool = new UserPool(this, 'StaffPool', {
      // Staff are invited by an administrator; nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      // A changed address takes effect only once its owner has verified it: until then the
      // token keeps carrying the old one (and `email_verified` of the old one).
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      ...(props.mail
        ? {
            email: UserPoolEmail.withSES({
              fromEmail: props.mail.senderAddress,
              fromName: 'Presentie',
              sesRegion: this.region,
              sesVerifiedDomain: props.mail.domain,
            }),
          }
        : {}),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const role of ROLE_GROUPS) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: `Presentie role ${role}` });
    }

    this.domain = this.userPool.addDomain('HostedSignIn', {
      cognitoDomain: { domainPrefix: props.authDomainPrefix },
    });
    this.hostedSignInUrl = this.domain.baseUrl();

    let entraProvider: UserPoolIdentityProviderOidc | undefined;
    if (props.entra) {
      entraProvider = new UserPoolIdentityProviderOidc(this, 'EntraId', {
        userPool: this.userPool,
        name: 'EntraID',
        clientId: props.entra.clientId,
        // A dynamic reference: CloudFormation resolves it at deploy time, the template holds only the ARN.
        clientSecret: SecretValue.secretsManager(props.entra.clientSecretArn).unsafeUnwrap(),
        issuerUrl: `https://login.microsoftonline.com/${props.entra.tenantId}/v2.0`,
        scopes: ['openid', 'email', 'profile'],
        attributeMapping: {
          // The pool requires `email`, and Entra ID often sends no `email` claim (no mailbox, or
          // the optional claim not configured): Cognito would then refuse the sign-in. The user
          // principal name is in every v2 ID token, in a domain the tenant verified, and at
          // schools it is the staff member's address. Mapping it here keeps the pool as it is
          // (making `email` optional would replace the pool; docs/deploy.md). The API takes an
          // `email` equal to `preferred_username` as verified (functions/auth/token-verifier.ts).
          // Cognito adds `identities` (provider and user id) itself: the API binds a federated
          // user by those, never by the address.
          email: ProviderAttribute.other('preferred_username'),
          fullname: ProviderAttribute.other('name'),
          preferredUsername: ProviderAttribute.other('preferred_username'),
        },
      });
    }

    const callbackUrls = [`${props.dashboardUrl}/`];
    // A browser app cannot keep a secret: authorization code flow with PKCE, no client secret.
    const dashboardClient = {
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls,
        logoutUrls: callbackUrls,
      },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    };
    // Accounts of the pool: nobody changes their own e-mail address (an administrator does).
    this.client = this.userPool.addClient('Dashboard', {
      ...dashboardClient,
      userPoolClientName: 'presentie-dashboard',
      authFlows: { userSrp: true },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    if (entraProvider) {
      // Cognito copies Entra ID's claims into the mapped attributes at every sign-in, which it
      // does only through a client that may write them. This client therefore has no sign-in
      // of its own (no password flows) and no `aws.cognito.signin.user.admin` scope: its tokens
      // cannot change an attribute, so Entra ID stays the only source of the address.
      this.entraClient = this.userPool.addClient('DashboardEntra', {
        ...dashboardClient,
        userPoolClientName: 'presentie-dashboard-entra',
        supportedIdentityProviders: [UserPoolClientIdentityProvider.custom(entraProvider.providerName)],
        writeAttributes: new ClientAttributes().withStandardAttributes({
          email: true,
          fullname: true,
          preferredUsername: true,
        }),
      });
      // No password, SRP or custom sign-in through this client: only the hosted Entra ID flow
      // and its refresh (CDK leaves the list out when none is chosen, and Cognito's default
      // would allow SRP, whose access token may write attributes).
      (this.entraClient.node.defaultChild as CfnUserPoolClient).explicitAuthFlows = [
        'ALLOW_REFRESH_TOKEN_AUTH',
      ];
      this.entraClient.node.addDependency(entraProvider);
    }

    acknowledge(this.userPool, {
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan (threat protection) is priced per monthly active user. Local accounts require TOTP MFA and a strong password; staff who federate through Entra ID get its conditional access and risk detection.',
    });
    acknowledge(this.userPool, {
      id: 'AwsSolutions-COG3',
      reason:
        'Threat protection (advanced security) needs the Plus plan, priced per active user. Local accounts require TOTP MFA and a strong password; staff who federate through Entra ID get its conditional access.',
    });

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.client.userPoolClientId });
    if (this.entraClient) {
      new CfnOutput(this, 'EntraClientId', { value: this.entraClient.userPoolClientId });
    }
    new CfnOutput(this, 'HostedSignInUrl', { value: this.hostedSignInUrl });
  }
}
