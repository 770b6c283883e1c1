import { CfnOutput, Duration, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { contentSecurityPolicy } from '../content-security-policy';
import { dashboardBucketName } from '../dashboard-bucket';
import { acknowledge } from '../nag';

export interface WebStackProps extends StackProps {
  stackPrefix: string;
  authDomainPrefix: string;
  /** The WAF web ACL (scope CLOUDFRONT, in us-east-1) in front of the distribution. */
  webAclArn: string;
}

/** The dashboard API's paths, served by CloudFront from the HTTP API (same origin as the dashboard). */
export const API_PATH_PATTERN = '/api/*';

/** Viewer-request function of the dashboard's files (cloudfront-js-2.0). */
export const APP_ENTRY_FUNCTION = `function handler(event) {
  var request = event.request;
  if (!/\\.[A-Za-z0-9]+$/.test(request.uri)) request.uri = '/index.html';
  return request;
}`;

/**
 * The dashboard's address: a private bucket and the HTTP API behind one CloudFront
 * distribution with a web application firewall. It comes before the auth and app stacks because
 * they need its address (sign-in callback, links in mails); the app stack adds the API's routes
 * and stage, and the site stack the files and config.json, once the API and user pool exist.
 */
export class WebStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly dashboardUrl: string;
  /** The bare HTTP API: its routes, stage and limits are the app stack's (PresentieHttpApi). */
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    // Created here, not with its routes, so that the distribution can name it as an origin
    // while the functions behind the routes still learn the dashboard's address.
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Presentie: presence webhook and dashboard API',
      createDefaultStage: false,
    });

    this.bucket = new Bucket(this, 'DashboardBucket', {
      bucketName: dashboardBucketName(props.stackPrefix),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // The name is fixed (the site stack addresses the bucket by it), so a retained bucket would
      // make the next deploy of a deleted stack fail on "already exists". Its files are rebuilt
      // by every deploy: the bucket goes with the stack, emptied first.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Presentie dashboard security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy({
            region: this.region,
            authDomainPrefix: props.authDomainPrefix,
          }),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });

    // The dashboard routes in the browser: a path without a file name loads the app, which shows
    // its own 404. A function rather than distribution-wide error pages, which would also turn
    // the API's 403 and 404 answers into the app's index.html.
    const appEntry = new CloudFrontFunction(this, 'AppEntry', {
      comment: 'Presentie dashboard: paths without a file extension load index.html',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(APP_ENTRY_FUNCTION),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Presentie dashboard',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        compress: true,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: appEntry, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // The dashboard API on the dashboard's own origin: no CORS, `connect-src 'self'`, and
        // the firewall in front. Never cached; every viewer header but Host goes to API Gateway
        // (which needs its own host name), the Authorization header included.
        [API_PATH_PATTERN]: {
          origin: new HttpOrigin(Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint)), {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          compress: true,
        },
      },
      webAclId: props.webAclArn,
    });
    this.dashboardUrl = `https://${this.distribution.distributionDomainName}`;

    acknowledge(this.bucket, {
      id: 'AwsSolutions-S1',
      reason:
        'The bucket only holds the built dashboard (public static files, no personal data), written solely by the deployment; reads go through CloudFront. Server access logs would add cost without audit value.',
    });
    acknowledge(
      this.distribution,
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: staff also sign in from abroad (internships, trips). Data sits behind the JWT-authorized API, and the firewall limits requests per IP address.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'Access logs of the distribution would carry viewer IP addresses with no operational use (data minimisation under the GDPR); API access is logged at API Gateway, and WAF keeps sampled requests of what it blocks.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'Uses the default *.cloudfront.net certificate, for which CloudFront fixes the minimum protocol; a custom domain with an ACM certificate and TLSv1.2_2021 is the documented upgrade path.',
      },
    );

    new CfnOutput(this, 'DashboardUrl', { value: this.dashboardUrl });
  }
}
