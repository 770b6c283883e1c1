import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { LIMITS } from '../config';

/** CloudFront only accepts a web ACL of scope CLOUDFRONT, and those exist in us-east-1 only. */
export const FIREWALL_REGION = 'us-east-1';

/** Names of the rules, as WAF's metrics and sampled requests show them. */
export const FIREWALL_RULES = { rateLimit: 'RequestsPerIp', common: 'AwsCommonRules' } as const;

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/**
 * The web application firewall in front of the dashboard's CloudFront distribution, and so of
 * the dashboard API behind it (`/api/*`): a per-IP rate limit, then AWS's common rule set.
 * Its own small stack because it must live in us-east-1 whatever the system's region is; the
 * web stack reads its ARN through a cross-region reference.
 */
export class FirewallStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Presentie dashboard and API: rate limit per IP and AWS common rules',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('PresentieWebAcl'),
      rules: [
        {
          name: FIREWALL_RULES.rateLimit,
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: LIMITS.wafRequestsPerIpPer5Minutes,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
            },
          },
          visibilityConfig: visibility(FIREWALL_RULES.rateLimit),
        },
        {
          name: FIREWALL_RULES.common,
          priority: 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' },
          },
          visibilityConfig: visibility(FIREWALL_RULES.common),
        },
      ],
    });

    new CfnOutput(this, 'WebAclArn', { value: this.webAcl.attrArn });
  }
}
