import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpRoute,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';

/** The methods the dashboard API answers under /api; each route is JWT-authorized. */
export const DASHBOARD_METHODS = [
  HttpMethod.GET,
  HttpMethod.POST,
  HttpMethod.PUT,
  HttpMethod.PATCH,
  HttpMethod.DELETE,
] as const;

export interface PresentieHttpApiProps {
  webhook: IFunction;
  api: IFunction;
  userPoolId: string;
  userPoolClientId: string;
  entraClientId?: string;
  dashboardUrl: string;
}

/**
 * One HTTP API for both callers: the presence system (HMAC-signed webhook, no JWT) and the
 * dashboard (Cognito ID tokens checked by API Gateway before the handler runs).
 */
export class PresentieHttpApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly url: string;
  readonly webhookUrl: string;

  constructor(scope: Construct, id: string, props: PresentieHttpApiProps) {
    super(scope, id);
    const region = Stack.of(this).region;

    this.httpApi = new HttpApi(this, 'Api', {
      description: 'Presentie: presence webhook and dashboard API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [props.dashboardUrl],
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PUT,
          CorsHttpMethod.PATCH,
          CorsHttpMethod.DELETE,
        ],
        allowHeaders: ['authorization', 'content-type', 'accept-language'],
        exposeHeaders: ['content-disposition'],
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
      // Generous for one school (the presence system sends small batches), a ceiling against floods.
      throttle: { rateLimit: 100, burstLimit: 200 },
    });
    this.url = this.stage.url;

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

    const [webhookRoute] = this.httpApi.addRoutes({
      path: '/webhooks/presence',
      methods: [HttpMethod.POST],
      integration: webhookIntegration,
      // The presence system cannot obtain Cognito tokens; the handler verifies the Standard Webhooks signature.
      authorizer: new HttpNoneAuthorizer(),
    });
    const [openApiRoute] = this.httpApi.addRoutes({
      path: '/api/openapi.json',
      methods: [HttpMethod.GET],
      integration: apiIntegration,
      // The published contract of the API; it holds no data.
      authorizer: new HttpNoneAuthorizer(),
    });
    // Named methods rather than ANY: an ANY route would also catch the browser's CORS preflight
    // (OPTIONS, sent without a token) and answer 401. With no OPTIONS route, API Gateway answers
    // the preflight itself from the CORS configuration above.
    this.httpApi.addRoutes({
      path: '/api/{proxy+}',
      methods: [...DASHBOARD_METHODS],
      integration: apiIntegration,
      authorizer: staffAuthorizer,
    });

    suppressUnauthorized(
      webhookRoute,
      'The presence webhook is authenticated by its Standard Webhooks HMAC signature, verified in the handler with the secret from Secrets Manager; the sender cannot present a JWT.',
    );
    suppressUnauthorized(
      openApiRoute,
      'GET /api/openapi.json serves the public OpenAPI description of the API; it contains no data and every data route is JWT-authorized.',
    );
    this.webhookUrl = `${this.url}webhooks/presence`;
  }
}

function suppressUnauthorized(route: HttpRoute | undefined, reason: string): void {
  if (!route) throw new Error('route was not created');
  acknowledge(route, { id: 'AwsSolutions-APIG4', reason });
}
