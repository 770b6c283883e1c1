import { Aws } from 'aws-cdk-lib';

/**
 * The dashboard bucket's name is known before deployment, so the site stack can address the
 * bucket without a cross-stack export and its deployment role names one bucket in plain text.
 */
export function dashboardBucketName(stackPrefix: string): string {
  return `${stackPrefix.toLowerCase()}-dashboard-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

/** The same name as cdk-nag prints it in IAM findings. */
export function dashboardBucketNameAsNagSees(stackPrefix: string): string {
  return `${stackPrefix.toLowerCase()}-dashboard-<AWS::AccountId>-<AWS::Region>`;
}
