import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  type HttpRouteIntegration,
  HttpRouteKey,
  HttpStage,
  type IHttpApi,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LIMITS, type RouteThrottle } from '../config';
import { acknowledge } from '../nag';

/** The methods the dashboard API answers under /api; each route is JWT-authorized. */
export const DASHBOARD_METHODS = [
  HttpMethod.GET,
  HttpMethod.POST,
  HttpMethod.PUT,
  HttpMethod.PATCH,
  HttpMethod.DELETE,
] as const;

/** Who calls a route: the presence system, anyone (public contract), or signed-in staff. */
export type RouteKind = 'webhook' | 'public' | 'dashboard';

/** One route of the HTTP API, as its stage settings and its metrics name it. */
export interface ApiRoute {
  kind: RouteKind;
  method: HttpMethod;
  path: string;
  /** `METHOD /path`, the key of the route in the stage's route settings. */
  key: string;
}

/** Each kind of caller has its own budget, so a flood on one route cannot starve the others. */
export const ROUTE_THROTTLES: Record<RouteKind, RouteThrottle> = {
  webhook: LIMITS.webhookThrottle,
  public: LIMITS.publicThrottle,
  dashboard: LIMITS.dashboardThrottle,
};

export interface PresentieHttpApiProps {
  /** The API itself lives with the CloudFront distribution that serves it (web stack). */
  httpApi: IHttpApi;
  webhook: IFunction;
  api: IFunction;
  userPoolId: string;
  userPoolClientId: string;
  /** The Entra ID client of the user pool, when staff federate (its tokens are accepted too). */
  entraClientId?: string;
}

/**
 * The routes and the stage of the one HTTP API for both callers: the presence system
 * (HMAC-signed webhook, no JWT) and the dashboard (Cognito ID tokens checked by API Gateway
 * before the handler runs), each route throttled on its own.
 */
export class PresentieHttpApi extends Construct {
  readonly httpApi: IHttpApi;
  readonly stage: HttpStage;
  readonly routes: ApiRoute[] = [];
  readonly url: string;
  readonly webhookUrl: string;

  constructor(scope: Construct, id: string, props: PresentieHttpApiProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    // Imported into this stack: the authorizer and integrations then live here, beside the
    // functions and user pool they name, not in the web stack that owns the API.
    this.httpApi = HttpApi.fromHttpApiAttributes(this, 'Api', {
      httpApiId: props.httpApi.apiId,
      apiEndpoint: props.httpApi.apiEndpoint,
    });

    const staffAuthorizer = new HttpJwtAuthorizer(
      'StaffJwt',
      `https://cognito-idp.${region}.amazonaws.com/${props.userPoolId}`,
      {
        jwtAudience: [props.userPoolClientId, ...(props.entraClientId ? [props.entraClientId] : [])],
        identitySource: ['$request.header.Authorization'],
      },
    );
    const webhookIntegration = new HttpLambdaIntegration('Webhook', props.webhook);
    const apiIntegration = new HttpLambdaIntegration('Dashboard', props.api);

    const webhookRoutes = this.addRoutes('Webhook', 'webhook', '/webhooks/presence', [HttpMethod.POST], {
      integration: webhookIntegration,
      // The presence system cannot obtain Cognito tokens; the handler verifies the Standard Webhooks signature.
      authorizer: new HttpNoneAuthorizer(),
    });
    const openApiRoutes = this.addRoutes('OpenApi', 'public', '/api/openapi.json', [HttpMethod.GET], {
      integration: apiIntegration,
      // The published contract of the API; it holds no data.
      authorizer: new HttpNoneAuthorizer(),
    });
    // Named methods rather than ANY: the dashboard is served from the same origin, so no
    // browser sends a CORS preflight, and an OPTIONS request has no route to reach the handler.
    const dashboardRoutes = this.addRoutes(
      'Dashboard',
      'dashboard',
      '/api/{proxy+}',
      [...DASHBOARD_METHODS],
      {
        integration: apiIntegration,
        authorizer: staffAuthorizer,
      },
    );

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
      // Per-route metrics (5xx by route), which the alarms watch.
      detailedMetricsEnabled: true,
      // A route without settings of its own (none today) gets the dashboard's budget.
      throttle: LIMITS.dashboardThrottle,
    });
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    // The raw CloudFormation shape: RouteSettings is a JSON map, so its keys are not translated.
    cfnStage.routeSettings = Object.fromEntries(
      this.routes.map((route) => [
        route.key,
        {
          ThrottlingRateLimit: ROUTE_THROTTLES[route.kind].rateLimit,
          ThrottlingBurstLimit: ROUTE_THROTTLES[route.kind].burstLimit,
          DetailedMetricsEnabled: true,
        },
      ]),
    );
    // API Gateway refuses route settings for a route key that does not exist yet.
    for (const route of [...webhookRoutes, ...openApiRoutes, ...dashboardRoutes])
      cfnStage.node.addDependency(route);

    for (const route of webhookRoutes) {
      acknowledge(route, {
        id: 'AwsSolutions-APIG4',
        reason:
          'The presence webhook is authenticated by its Standard Webhooks HMAC signature, verified in the handler with the secret from Secrets Manager; the sender cannot present a JWT.',
      });
    }
    for (const route of openApiRoutes) {
      acknowledge(route, {
        id: 'AwsSolutions-APIG4',
        reason:
          'GET /api/openapi.json serves the public OpenAPI description of the API; it contains no data and every data route is JWT-authorized.',
      });
    }
    this.url = this.stage.url;
    this.webhookUrl = `${this.url}webhooks/presence`;
  }

  private addRoutes(
    id: string,
    kind: RouteKind,
    path: string,
    methods: HttpMethod[],
    options: { integration: HttpRouteIntegration; authorizer: IHttpRouteAuthorizer },
  ): HttpRoute[] {
    const routes = methods.map(
      (method) =>
        new HttpRoute(this, `${id}${method}`, {
          httpApi: this.httpApi,
          routeKey: HttpRouteKey.with(path, method),
          ...options,
        }),
    );
    for (const method of methods) this.routes.push({ kind, method, path, key: `${method} ${path}` });
    return routes;
  }
}
