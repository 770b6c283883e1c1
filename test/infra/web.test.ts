import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template, type Template as TemplateType } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../infra/content-security-policy';
import { AuthStack, ROLE_GROUPS } from '../../infra/stacks/auth-stack';
import { SiteStack } from '../../infra/stacks/site-stack';
import { WebStack } from '../../infra/stacks/web-stack';
import { cdkJsonContext, SYNTH_TIMEOUT_MS, type Synthesized, synthesizePresentie } from './synth';

type Resource = { Type: string; Properties: Record<string, unknown> };

let synth: Synthesized;
let web: TemplateType;
let auth: TemplateType;
let site: TemplateType;

beforeAll(() => {
  synth = synthesizePresentie();
  web = synth.template(synth.stacks.web);
  auth = synth.template(synth.stacks.auth);
  site = synth.template(synth.stacks.site);
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth.cleanup());

describe('the dashboard bucket', () => {
  it('is private, encrypted and refuses plain HTTP', () => {
    web.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
    });
    web.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('can only be read by the CloudFront distribution, through origin access control', () => {
    web.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
    web.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: Match.arrayWith([
          Match.objectLike({
            OriginAccessControlId: { 'Fn::GetAtt': [Match.stringLikeRegexp('OriginAccessControl'), 'Id'] },
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
        ]),
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
      }),
    });
    web.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
          }),
        ]),
      },
    });
  });
});

describe('the security headers', () => {
  function headersPolicy(): Record<string, unknown> {
    const policies = Object.values(web.findResources('AWS::CloudFront::ResponseHeadersPolicy')) as Resource[];
    expect(policies).toHaveLength(1);
    return (policies[0]?.Properties.ResponseHeadersPolicyConfig as Record<string, unknown>) ?? {};
  }

  it('are sent with every dashboard response', () => {
    const distribution = Object.values(web.findResources('AWS::CloudFront::Distribution'))[0] as Resource;
    const behavior = (
      distribution.Properties.DistributionConfig as { DefaultCacheBehavior: Record<string, unknown> }
    ).DefaultCacheBehavior;
    expect(behavior.ResponseHeadersPolicyId).toEqual({
      Ref: Object.keys(web.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0],
    });
  });

  it('include HSTS, nosniff, no framing and a strict referrer policy', () => {
    expect(headersPolicy().SecurityHeadersConfig).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
  });

  it('include a Content-Security-Policy that only lets the page talk to itself (and its API) and the sign-in', () => {
    const csp = JSON.stringify(
      (headersPolicy().SecurityHeadersConfig as { ContentSecurityPolicy: { ContentSecurityPolicy: unknown } })
        .ContentSecurityPolicy.ContentSecurityPolicy,
    );
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(
      /connect-src 'self' https:\/\/presentie-example\.auth\.eu-central-1\.amazoncognito\.com;/,
    );
    expect(csp).not.toContain('execute-api');
    expect(csp).toContain('https://presentie-example.auth.');
  });

  it('never allow inline or evaluated script', () => {
    const csp = contentSecurityPolicy({ region: 'eu-central-1', authDomainPrefix: 'school' });
    const directives = Object.fromEntries(
      csp.split('; ').map((d) => {
        const [name, ...values] = d.split(' ');
        return [name, values];
      }),
    );
    // The API is on the dashboard's origin; the token endpoint of the hosted sign-in is not.
    expect(directives['connect-src']).toEqual([
      "'self'",
      'https://school.auth.eu-central-1.amazoncognito.com',
    ]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});

describe('the dashboard files', () => {
  let builtDashboard: string;
  beforeAll(() => {
    builtDashboard = mkdtempSync(join(tmpdir(), 'presentie-dist-'));
    mkdirSync(join(builtDashboard, 'assets'));
    writeFileSync(
      join(builtDashboard, 'index.html'),
      '<!doctype html><script src="/assets/app-1a2b.js"></script>',
    );
    writeFileSync(join(builtDashboard, 'assets', 'app-1a2b.js'), 'console.log(1)');
  });
  afterAll(() => rmSync(builtDashboard, { recursive: true, force: true }));

  const deploymentsOf = (template: TemplateType) =>
    Object.values(template.findResources('Custom::CDKBucketDeployment')) as Resource[];
  /** A site stack on its own, fed placeholder values, with the dashboard build taken from `dir`. */
  const siteTemplate = (dir: string) => {
    const app = new App({ context: cdkJsonContext() });
    const distribution = new WebStack(app, 'Web', {
      stackPrefix: 'Presentie',
      authDomainPrefix: 'school',
      webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/presentie/0000',
    }).distribution;
    const stack = new SiteStack(app, 'Site', {
      stackPrefix: 'Presentie',
      distribution,
      dashboardDir: dir,
      config: {
        apiUrl: 'https://api.example.nl/',
        region: 'eu-central-1',
        authMode: 'cognito',
        cognito: { userPoolId: 'pool', clientId: 'client', domain: 'https://school.auth.example' },
      },
    });
    return Template.fromStack(stack);
  };
  const entry = () => {
    const found = deploymentsOf(site).filter((d) => JSON.stringify(d.Properties.Exclude) === '["assets/*"]');
    expect(found).toHaveLength(1);
    return found[0]?.Properties ?? {};
  };

  it('upload index.html, the unhashed files and a runtime config.json that browsers always revalidate, then invalidate the cache', () => {
    expect(entry()).toMatchObject({
      Prune: true,
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionPaths: ['/*'],
      DestinationBucketName: { 'Fn::Join': ['', expect.arrayContaining(['presentie-dashboard-'])] },
    });
    const markers = JSON.stringify(entry().SourceMarkers);
    // The user pool and client ids are filled in at deploy time (the API is same-origin: '/').
    expect(markers).toMatch(/PublishOutputRefStaffPool/);
  });

  it('upload the hashed build assets for a year, and only when the dashboard was built', () => {
    const withBuild = siteTemplate(builtDashboard);
    const assets = deploymentsOf(withBuild).filter(
      (d) => JSON.stringify(d.Properties.Include) === '["assets/*"]',
    );
    expect(assets).toHaveLength(1);
    expect(assets[0]?.Properties).toMatchObject({
      Exclude: ['*'],
      Prune: true,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    const entryWithBuild = deploymentsOf(withBuild).filter(
      (d) => JSON.stringify(d.Properties.Exclude) === '["assets/*"]',
    );
    // index.html and the other unhashed files of the build, plus config.json.
    expect(entryWithBuild[0]?.Properties.SourceObjectKeys).toHaveLength(2);
    expect(deploymentsOf(withBuild)).toHaveLength(2);

    // Without `npm run build:web` only config.json goes up (CI synthesizes without a web build).
    const configOnly = deploymentsOf(siteTemplate(join(builtDashboard, 'missing')));
    expect(configOnly).toHaveLength(1);
    expect(configOnly[0]?.Properties.SourceObjectKeys).toHaveLength(1);
  });
});

describe('staff sign-in', () => {
  it('has one group per role', () => {
    const groups = Object.values(auth.findResources('AWS::Cognito::UserPoolGroup')).map(
      (g) => (g as Resource).Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...ROLE_GROUPS].sort());
    expect(groups.sort()).toEqual(['admin', 'attendance_officer', 'coach', 'front_office', 'manager']);
  });

  it('is invite-only with MFA and the hosted sign-in on the configured prefix', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
    });
    auth.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'presentie-example' });
  });

  it('gives the dashboard a public client: code flow (PKCE), no secret, back to the dashboard only', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: Match.arrayWith(['openid', 'email']),
      CallbackURLs: [Match.objectLike({ 'Fn::Join': Match.anyValue() })],
      SupportedIdentityProviders: ['COGNITO'],
    });
  });

  it('federates with Microsoft Entra ID when the tenant is configured, reading its secret at deploy time', () => {
    const app = new App({ context: cdkJsonContext() });
    const stack = new AuthStack(app, 'EntraAuth', {
      authDomainPrefix: 'school',
      dashboardUrl: 'https://dashboard.example.nl',
      entra: {
        tenantId: '11111111-2222-3333-4444-555555555555',
        clientId: 'entra-app-id',
        clientSecretArn: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:entra-client-AbCdEf',
      },
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderType: 'OIDC',
      ProviderDetails: Match.objectLike({
        client_id: 'entra-app-id',
        oidc_issuer: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0',
        client_secret: Match.stringLikeRegexp('^\\{\\{resolve:secretsmanager:arn:aws:secretsmanager:'),
      }),
    });
    // Federated staff sign in through a client of their own: Cognito writes the mapped
    // attributes through it, so it may write e-mail, but it has no flow of its own (no SRP, no
    // password) and no scope whose token could change an attribute.
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      SupportedIdentityProviders: [{ Ref: Match.stringLikeRegexp('^EntraId') }],
      CallbackURLs: ['https://dashboard.example.nl/'],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      WriteAttributes: Match.arrayWith(['email', 'preferred_username']),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      SupportedIdentityProviders: ['COGNITO'],
      WriteAttributes: ['name'],
    });
    // The pool requires `email`; Entra ID tokens often carry none, but always the user principal
    // name, so the pool's `email` comes from it and Cognito never refuses the sign-in for want of one.
    template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      AttributeMapping: {
        email: 'preferred_username',
        preferred_username: 'preferred_username',
        name: 'name',
      },
    });
    const [pool] = Object.values(template.findResources('AWS::Cognito::UserPool')) as Resource[];
    const schema = (pool?.Properties.Schema ?? []) as { Name: string; Required?: boolean }[];
    const required = schema.filter((attribute) => attribute.Required).map((attribute) => attribute.Name);
    const mapping = Object.keys(
      (Object.values(template.findResources('AWS::Cognito::UserPoolIdentityProvider'))[0] as Resource)
        .Properties.AttributeMapping as Record<string, string>,
    );
    // Every attribute the pool requires is filled from a claim Entra ID always sends.
    expect(required.every((name) => mapping.includes(name))).toBe(true);
  });
});

describe("staff identity: the e-mail address is not the user's to change", () => {
  it('keeps the old address until the new one is verified, and no pool account writes its own', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPool', {
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
    });
    const clients = Object.values(auth.findResources('AWS::Cognito::UserPoolClient')).map(
      (c) => (c as Resource).Properties,
    );
    expect(clients).toHaveLength(1);
    for (const client of clients) {
      // Without WriteAttributes Cognito lets a client write every standard attribute.
      expect(client.WriteAttributes).toEqual(expect.any(Array));
      expect(client.WriteAttributes).not.toContain('email');
      expect(client.WriteAttributes).not.toContain('email_verified');
    }
  });
});
