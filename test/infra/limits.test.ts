import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_DELIVERIES, WEBHOOK_SIGNATURE_REFUSED } from '../../functions/handlers/webhook-metrics';
import { LIMITS } from '../../infra/config';
import { WEBHOOK_REFUSED_RATE } from '../../infra/constructs/api-alarms';
import { APP_ENTRY_FUNCTION } from '../../infra/stacks/web-stack';
import { SYNTH_TIMEOUT_MS, type Synthesized, synthesizePresentie } from './synth';

/** Issue 11, "Limits" and "Alarms that see failures": what an attacker or an operator would meet. */

type Resource = { Type: string; Properties: Record<string, unknown> };
type MetricStat = {
  MetricStat?: { Metric: { MetricName: string; Dimensions?: unknown[] } };
  Expression?: string;
};

let synth: Synthesized;
let app: Template;
let web: Template;
let firewall: Template;

beforeAll(() => {
  synth = synthesizePresentie();
  app = synth.template(synth.stacks.app);
  web = synth.template(synth.stacks.web);
  firewall = synth.template(synth.stacks.firewall);
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth.cleanup());

const DASHBOARD_KEYS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => `${m} /api/{proxy+}`);
const WEBHOOK_KEY = 'POST /webhooks/presence';
const PUBLIC_KEY = 'GET /api/openapi.json';

const resources = (template: Template, type: string) =>
  Object.values(template.findResources(type)) as Resource[];

describe('per-route throttling', () => {
  const stage = () => {
    const stages = resources(app, 'AWS::ApiGatewayV2::Stage');
    expect(stages).toHaveLength(1);
    return (stages[0] as Resource).Properties;
  };
  const settings = (key: string) =>
    (stage().RouteSettings as Record<string, Record<string, unknown>>)[key] ?? {};

  it('gives the webhook, the dashboard API and the public contract each their own rate and burst', () => {
    expect(settings(WEBHOOK_KEY)).toMatchObject({
      ThrottlingRateLimit: LIMITS.webhookThrottle.rateLimit,
      ThrottlingBurstLimit: LIMITS.webhookThrottle.burstLimit,
    });
    for (const key of DASHBOARD_KEYS) {
      expect(settings(key)).toMatchObject({
        ThrottlingRateLimit: LIMITS.dashboardThrottle.rateLimit,
        ThrottlingBurstLimit: LIMITS.dashboardThrottle.burstLimit,
      });
    }
    expect(settings(PUBLIC_KEY)).toMatchObject({
      ThrottlingRateLimit: LIMITS.publicThrottle.rateLimit,
      ThrottlingBurstLimit: LIMITS.publicThrottle.burstLimit,
    });
    // A route key in the settings that no route has would fail the deployment.
    const routeKeys = resources(app, 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey);
    expect(Object.keys(stage().RouteSettings as object).sort()).toEqual([...routeKeys].sort());
    // The public document cannot eat the dashboard's budget, nor the dashboard the webhook's.
    expect(LIMITS.publicThrottle.rateLimit).toBeLessThan(LIMITS.dashboardThrottle.rateLimit);
  });

  it('records metrics per route, so that a 5xx can be traced to its route', () => {
    expect(stage().DefaultRouteSettings).toMatchObject({ DetailedMetricsEnabled: true });
    for (const key of [WEBHOOK_KEY, PUBLIC_KEY, ...DASHBOARD_KEYS]) {
      expect(settings(key)).toMatchObject({ DetailedMetricsEnabled: true });
    }
  });

  it('keeps the webhook to a reserved number of concurrent instances', () => {
    app.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'presentie-webhook' }) },
      ReservedConcurrentExecutions: LIMITS.webhookReservedConcurrency,
    });
    // Deliveries no longer queue for a lease: a burst the route admits must find an instance
    // each, or Lambda refuses the rest with a 5xx instead of the throttle's 429.
    expect(LIMITS.webhookReservedConcurrency).toBeGreaterThanOrEqual(LIMITS.webhookThrottle.burstLimit);
  });
});

describe('alarms that see failures the handlers answered themselves', () => {
  const alarms = () => resources(app, 'AWS::CloudWatch::Alarm').map((a) => a.Properties);
  const metricsOf = (alarm: Record<string, unknown>) => (alarm.Metrics as MetricStat[] | undefined) ?? [];
  const dimension = (dims: unknown, name: string) =>
    (dims as Array<{ Name: string; Value: unknown }> | undefined)?.find((d) => d.Name === name)?.Value;

  /** The alarm watching API Gateway's 5xx count of one route (directly or inside metric math). */
  const serverErrorAlarmOf = (method: string, path: string) =>
    alarms().filter((alarm) => {
      const direct =
        alarm.Namespace === 'AWS/ApiGateway' &&
        alarm.MetricName === '5xx' &&
        dimension(alarm.Dimensions, 'Method') === method &&
        dimension(alarm.Dimensions, 'Resource') === path;
      const inMath = metricsOf(alarm).some(
        (m) =>
          m.MetricStat?.Metric.MetricName === '5xx' &&
          dimension(m.MetricStat.Metric.Dimensions, 'Method') === method &&
          dimension(m.MetricStat.Metric.Dimensions, 'Resource') === path,
      );
      return direct || inMath;
    });

  it('fire on a server error of any route, each route its own alarm', () => {
    for (const key of [WEBHOOK_KEY, PUBLIC_KEY, ...DASHBOARD_KEYS]) {
      const [method = '', path = ''] = key.split(' ');
      const found = serverErrorAlarmOf(method, path);
      expect(found, key).toHaveLength(1);
      expect(found[0]).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [{ Ref: expect.any(String) }],
      });
    }
    const dashboardGet = serverErrorAlarmOf('GET', '/api/{proxy+}')[0] ?? {};
    expect(dimension(dashboardGet.Dimensions, 'Stage')).toBe('$default');
  });

  it('count every 5xx of the webhook: no delivery is turned away busy any more (no lease)', () => {
    const [webhook] = serverErrorAlarmOf('POST', '/webhooks/presence');
    // API Gateway's own 5xx count, nothing subtracted from it.
    expect(webhook).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: '5xx', Threshold: 1 });
    expect(metricsOf(webhook ?? {})).toHaveLength(0);
    expect(JSON.stringify(alarms())).not.toContain('deliveriesBusy');
  });

  const rateAlarm = (metricName: string) => {
    const found = alarms().filter(
      (alarm) =>
        metricsOf(alarm).some((m) => m.MetricStat?.Metric.MetricName === metricName) &&
        metricsOf(alarm).some((m) => m.MetricStat?.Metric.MetricName === WEBHOOK_DELIVERIES),
    );
    expect(found, metricName).toHaveLength(1);
    return found[0] ?? {};
  };

  it('fire when many webhook deliveries are refused their signature (401)', () => {
    const alarm = rateAlarm(WEBHOOK_SIGNATURE_REFUSED);
    expect(alarm).toMatchObject({
      Threshold: WEBHOOK_REFUSED_RATE,
      AlarmActions: [{ Ref: expect.any(String) }],
    });
    const expression = metricsOf(alarm).find((m) => m.Expression)?.Expression ?? '';
    // A rate, over enough deliveries to mean something.
    expect(expression).toMatch(/\/ deliveries/);
    expect(expression).toMatch(/deliveries >= \d+/);
    const refused = metricsOf(alarm).find(
      (m) => m.MetricStat?.Metric.MetricName === WEBHOOK_SIGNATURE_REFUSED,
    );
    expect(refused?.MetricStat?.Metric).toMatchObject({
      Namespace: 'Presentie',
      Dimensions: [{ Name: 'service', Value: 'presentie-webhook' }],
    });
  });
});

describe('the firewall', () => {
  it('lives in us-east-1, the only region whose web ACLs CloudFront accepts', () => {
    expect(synth.stacks.firewall.region).toBe('us-east-1');
    firewall.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
    });
  });

  it('blocks an IP address above its request rate, and applies the AWS common rule set', () => {
    const [acl] = resources(firewall, 'AWS::WAFv2::WebACL');
    const rules = (acl?.Properties.Rules ?? []) as Array<Record<string, unknown>>;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: expect.objectContaining({
              AggregateKeyType: 'IP',
              Limit: LIMITS.wafRequestsPerIpPer5Minutes,
              EvaluationWindowSec: 300,
            }),
          },
        }),
        expect.objectContaining({
          OverrideAction: { None: {} },
          Statement: {
            ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' },
          },
        }),
      ]),
    );
  });

  it('stands in front of the dashboard distribution', () => {
    const [distribution] = resources(web, 'AWS::CloudFront::Distribution');
    const config = distribution?.Properties.DistributionConfig as Record<string, unknown>;
    // Read across regions from the firewall stack's output.
    expect(config.WebACLId).toMatchObject({
      'Fn::GetStackOutput': { StackName: synth.stacks.firewall.stackName, Region: 'us-east-1' },
    });
    const arnOutputs = Object.keys(
      firewall.findOutputs('*', { Value: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } }),
    );
    const read = JSON.stringify(config.WebACLId);
    expect(arnOutputs.some((output) => read.includes(`"${output}"`))).toBe(true);
  });
});

describe('the dashboard API on the dashboard origin', () => {
  const distributionConfig = () =>
    (resources(web, 'AWS::CloudFront::Distribution')[0]?.Properties.DistributionConfig ?? {}) as {
      Origins: Array<Record<string, unknown>>;
      CacheBehaviors?: Array<Record<string, unknown>>;
      CustomErrorResponses?: unknown;
    };

  it('serves /api/* from the HTTP API, never cached, with every viewer header but Host', () => {
    const behaviors = distributionConfig().CacheBehaviors ?? [];
    const api = behaviors.find((b) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      // The managed CachingDisabled and AllViewerExceptHostHeader policies.
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
      ViewerProtocolPolicy: 'https-only',
    });
    const origin = distributionConfig().Origins.find((o) => o.Id === api?.TargetOriginId);
    expect(origin).toMatchObject({
      CustomOriginConfig: expect.objectContaining({ OriginProtocolPolicy: 'https-only' }),
    });
    // The origin is the HTTP API's own host name.
    const apiId = Object.keys(web.findResources('AWS::ApiGatewayV2::Api'))[0];
    expect(JSON.stringify(origin?.DomainName)).toContain(`"${apiId}","ApiEndpoint"`);
  });

  it("passes the API's 403 and 404 through instead of answering with the dashboard page", () => {
    expect(distributionConfig().CustomErrorResponses).toBeUndefined();
    const handler = new Function(`${APP_ENTRY_FUNCTION}; return handler;`)() as (event: {
      request: { uri: string };
    }) => { uri: string };
    const uri = (path: string) => handler({ request: { uri: path } }).uri;
    // The dashboard routes in the browser: paths without a file load the app.
    expect(uri('/')).toBe('/index.html');
    expect(uri('/leerlingen/s-1')).toBe('/index.html');
    expect(uri('/assets/app-1a2b.js')).toBe('/assets/app-1a2b.js');
    expect(uri('/config.json')).toBe('/config.json');
  });

  it('tells the dashboard to call the API on its own origin (config.json)', () => {
    const configs = readdirSync(synth.outdir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.startsWith('asset.'))
      .map((entry) => join(synth.outdir, entry.name, 'config.json'))
      .flatMap((file) => {
        try {
          return [JSON.parse(readFileSync(file, 'utf8')) as { apiUrl: string }];
        } catch {
          return [];
        }
      });
    expect(configs).toHaveLength(1);
    expect(configs[0]?.apiUrl).toBe('/');
  });
});
