import { AspectPriority, Aspects, Validations } from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import { IAMNoWildcardPermissions } from 'cdk-nag/lib/rules/iam';
import type { IConstruct } from 'constructs';

export interface NagAcknowledgment {
  /** A cdk-nag rule id, or `RuleId[finding]` for one finding of a multi-finding rule. */
  id: string;
  /** Why the finding is acceptable here; reviewed like code. */
  reason: string;
}

/**
 * Acknowledges cdk-nag findings on a construct and everything below it. cdk-nag 3 reads CDK's
 * own acknowledgements (`Validations.of().acknowledge()`), so each one carries its reason.
 */
export function acknowledge(scope: IConstruct, ...acknowledgments: NagAcknowledgment[]): void {
  for (const acknowledgment of acknowledgments) {
    if (acknowledgment.reason.trim().length < 20) {
      throw new Error(`cdk-nag acknowledgement ${acknowledgment.id} needs a real reason`);
    }
    Validations.of(scope).acknowledge(acknowledgment);
  }
}

/**
 * Acknowledges the wildcard findings (AwsSolutions-IAM5) of the IAM policies under `scope` that
 * `within` accepts, each with `reason`. For policies CDK writes itself (a state machine's role, a
 * Distributed Map's child executions), whose findings name generated ids and account tokens: the
 * findings are read from the policy as cdk-nag reads them, so a new wildcard stays a finding.
 */
export function acknowledgeWildcards(
  scope: IConstruct,
  within: (finding: string) => boolean,
  reason: string,
): void {
  Aspects.of(scope).add(
    {
      visit(node) {
        if (!(node instanceof CfnPolicy)) return;
        const findings = IAMNoWildcardPermissions(node);
        if (!Array.isArray(findings)) return;
        for (const finding of findings.filter(within)) {
          acknowledge(node, { id: `AwsSolutions-IAM5[${finding}]`, reason });
        }
      },
    },
    { priority: AspectPriority.READONLY },
  );
}
