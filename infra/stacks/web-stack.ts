import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AllowedMethods,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { contentSecurityPolicy } from '../content-security-policy';
import { dashboardBucketName } from '../dashboard-bucket';
import { acknowledge } from '../nag';

export interface WebStackProps extends StackProps {
  stackPrefix: string;
  authDomainPrefix: string;
}

/**
 * Hosting for the dashboard: a private bucket behind CloudFront. It comes before the auth and
 * app stacks because they need its address (sign-in callback, links in mails, CORS); the files
 * and config.json follow in the site stack, once the API and user pool exist.
 */
export class WebStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly dashboardUrl: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    this.bucket = new Bucket(this, 'DashboardBucket', {
      bucketName: dashboardBucketName(props.stackPrefix),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Presentie dashboard security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy({
            region: Aws.REGION,
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
      },
      // The dashboard routes in the browser: unknown paths load the app, which shows its own 404.
      errorResponses: [
        {
          httpStatus: 403,
          responseHttpStatus: 200,
          responsePagePath: '/index.html',
          ttl: Duration.minutes(1),
        },
        {
          httpStatus: 404,
          responseHttpStatus: 200,
          responsePagePath: '/index.html',
          ttl: Duration.minutes(1),
        },
      ],
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
          'No geo restriction: staff also sign in from abroad (internships, trips). The distribution serves only static files; data sits behind the JWT-authorized API.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF in front of static files: they hold no data and WAF costs more than the whole system. The API has its own throttling and JWT authorization.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'Access logs of the static dashboard shell carry viewer IP addresses with no operational use (data minimisation under the GDPR); API access is logged at API Gateway.',
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
