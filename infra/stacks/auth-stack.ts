import { CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  ProviderAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
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
}

/** Staff sign-in: a user pool with a group per role, the hosted sign-in and the dashboard's client. */
export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  readonly hostedSignInUrl: string;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);

    this.userPool = new UserPool(this, 'StaffPool', {
      // Staff are invited by an administrator; nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
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

    const identityProviders = [UserPoolClientIdentityProvider.COGNITO];
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
          email: ProviderAttribute.other('email'),
          fullname: ProviderAttribute.other('name'),
        },
      });
      identityProviders.push(UserPoolClientIdentityProvider.custom(entraProvider.providerName));
    }

    const callbackUrls = [`${props.dashboardUrl}/`];
    // A browser app cannot keep a secret: authorization code flow with PKCE, no client secret.
    this.client = this.userPool.addClient('Dashboard', {
      userPoolClientName: 'presentie-dashboard',
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls,
        logoutUrls: callbackUrls,
      },
      supportedIdentityProviders: identityProviders,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });
    if (entraProvider) this.client.node.addDependency(entraProvider);

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
    new CfnOutput(this, 'HostedSignInUrl', { value: this.hostedSignInUrl });
  }
}
