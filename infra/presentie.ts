import type { App } from 'aws-cdk-lib';
import { type DeployConfig, entraConfig } from './config';
import { applyControlTowerGuard } from './guard';
import { AppStack } from './stacks/app-stack';
import { AuthStack } from './stacks/auth-stack';
import { DataStack } from './stacks/data-stack';
import { FIREWALL_REGION, FirewallStack } from './stacks/firewall-stack';
import { SiteStack } from './stacks/site-stack';
import { WebStack } from './stacks/web-stack';

export interface PresentieStacks {
  firewall: FirewallStack;
  data: DataStack;
  web: WebStack;
  auth: AuthStack;
  app: AppStack;
  site: SiteStack;
}

/**
 * The whole system in one account and region, apart from the firewall of the CloudFront
 * distribution, which AWS keeps in us-east-1. The order follows the references: the dashboard's
 * address is needed by sign-in and by the API (mail links); config.json needs them all.
 * Regions but no account: synth needs no credentials, and `cdk deploy` uses the caller's account.
 */
export function createPresentie(app: App, config: DeployConfig): PresentieStacks {
  const prefix = config.stackPrefix;
  const env = { region: config.region };
  const firewall = new FirewallStack(app, `${prefix}-Firewall`, {
    description: 'Presentie: web application firewall of the dashboard and its API (us-east-1)',
    env: { region: FIREWALL_REGION },
    crossRegionReferences: true,
  });
  const data = new DataStack(app, `${prefix}-Data`, {
    description: 'Presentie: table and webhook secret',
    env,
  });
  const web = new WebStack(app, `${prefix}-Web`, {
    description: 'Presentie: dashboard and API address (S3 + HTTP API behind CloudFront and WAF)',
    env,
    crossRegionReferences: true,
    stackPrefix: prefix,
    authDomainPrefix: config.authDomainPrefix,
    webAclArn: firewall.webAcl.attrArn,
  });
  const entra = entraConfig(config);
  const auth = new AuthStack(app, `${prefix}-Auth`, {
    description: 'Presentie: staff sign-in (Cognito)',
    env,
    authDomainPrefix: config.authDomainPrefix,
    dashboardUrl: web.dashboardUrl,
    ...(entra ? { entra } : {}),
    // Invitations through SES with the school's domain (Cognito's own mailer stops at ~50 a day).
    ...(config.cognitoMail === 'ses'
      ? { mail: { domain: config.domain, senderAddress: config.senderAddress } }
      : {}),
  });
  const appStack = new AppStack(app, `${prefix}-App`, {
    description: 'Presentie: handlers, HTTP API, nightly schedule, mail, events, alarms',
    env,
    table: data.table,
    webhookSecret: data.webhookSecret,
    httpApi: web.httpApi,
    userPoolId: auth.userPool.userPoolId,
    userPoolArn: auth.userPool.userPoolArn,
    userPoolClientId: auth.client.userPoolClientId,
    ...(auth.entraClient ? { entraClientId: auth.entraClient.userPoolClientId } : {}),
    dashboardUrl: web.dashboardUrl,
    domain: config.domain,
    senderAddress: config.senderAddress,
    sesRecipients: config.sesSandboxRecipients,
    retentionYears: config.retentionYears,
    ...(config.alarmEmail ? { alarmEmail: config.alarmEmail } : {}),
  });
  const site = new SiteStack(app, `${prefix}-Site`, {
    description: 'Presentie: dashboard files and runtime config',
    env,
    stackPrefix: prefix,
    distribution: web.distribution,
    requireDashboardBuild: config.dashboardBuild === 'required',
    config: {
      // The API is served by the dashboard's own distribution (/api/*): same origin.
      apiUrl: '/',
      region: appStack.region,
      authMode: 'cognito',
      cognito: {
        userPoolId: auth.userPool.userPoolId,
        clientId: auth.client.userPoolClientId,
        ...(auth.entraClient ? { entraClientId: auth.entraClient.userPoolClientId } : {}),
        domain: auth.hostedSignInUrl,
      },
    },
  });
  // The site addresses the bucket by its known name; deploy it only after the bucket exists.
  site.addStackDependency(web);
  // Fixes and reasoned suppressions for the Control Tower Guard rules (test/infra/guard.test.ts).
  applyControlTowerGuard(app);
  return { firewall, data, web, auth, app: appStack, site };
}
