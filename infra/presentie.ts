import type { App } from 'aws-cdk-lib';
import { type DeployConfig, entraConfig } from './config';
import { AppStack } from './stacks/app-stack';
import { AuthStack } from './stacks/auth-stack';
import { DataStack } from './stacks/data-stack';
import { SiteStack } from './stacks/site-stack';
import { WebStack } from './stacks/web-stack';

export interface PresentieStacks {
  data: DataStack;
  web: WebStack;
  auth: AuthStack;
  app: AppStack;
  site: SiteStack;
}

/**
 * The whole system in one account and region. The order follows the references: the dashboard's
 * address is needed by sign-in and by the API (CORS, mail links); config.json needs them all.
 * No `env`: synth needs no credentials, and `cdk deploy` uses the caller's account and region.
 */
export function createPresentie(app: App, config: DeployConfig): PresentieStacks {
  const prefix = config.stackPrefix;
  const data = new DataStack(app, `${prefix}-Data`, { description: 'Presentie: table and webhook secret' });
  const web = new WebStack(app, `${prefix}-Web`, {
    description: 'Presentie: dashboard hosting (S3 + CloudFront)',
    stackPrefix: prefix,
    authDomainPrefix: config.authDomainPrefix,
  });
  const entra = entraConfig(config);
  const auth = new AuthStack(app, `${prefix}-Auth`, {
    description: 'Presentie: staff sign-in (Cognito)',
    authDomainPrefix: config.authDomainPrefix,
    dashboardUrl: web.dashboardUrl,
    ...(entra ? { entra } : {}),
  });
  const appStack = new AppStack(app, `${prefix}-App`, {
    description: 'Presentie: handlers, HTTP API, nightly schedule, mail, events, alarms',
    table: data.table,
    webhookSecret: data.webhookSecret,
    userPoolId: auth.userPool.userPoolId,
    userPoolClientId: auth.client.userPoolClientId,
    ...(auth.entraClient ? { entraClientId: auth.entraClient.userPoolClientId } : {}),
    dashboardUrl: web.dashboardUrl,
    domain: config.domain,
    senderAddress: config.senderAddress,
    retentionYears: config.retentionYears,
    ...(config.alarmEmail ? { alarmEmail: config.alarmEmail } : {}),
  });
  const site = new SiteStack(app, `${prefix}-Site`, {
    description: 'Presentie: dashboard files and runtime config',
    stackPrefix: prefix,
    distribution: web.distribution,
    config: {
      apiUrl: appStack.api.url,
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
  return { data, web, auth, app: appStack, site };
}
