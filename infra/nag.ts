import { Validations } from 'aws-cdk-lib';
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
