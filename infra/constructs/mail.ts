import { Stack, Token } from 'aws-cdk-lib';
import { Effect, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  CloudWatchDimensionSource,
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { type SesRecipients, sesIdentityResources } from '../ses-recipients';

export interface MailProps {
  domain: string;
  senderAddress: string;
  /** Which recipient identities sends may name while the account is in the SES sandbox. */
  recipients?: SesRecipients;
}

/** The dimension SES publishes the configuration set's own events under (Reject, Bounce). */
export const SES_EVENTS_DIMENSION = 'ses:configuration-set';

/** The SES domain identity (Easy DKIM) and the configuration set the nightly mails go out with. */
export class Mail extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly identity: EmailIdentity;
  private readonly senderAddress: string;
  private readonly domain: string;
  private readonly recipients: SesRecipients;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.senderAddress = props.senderAddress;
    this.domain = props.domain;
    this.recipients = props.recipients ?? { kind: 'any' };

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      // Bounce and complaint rates per configuration set, next to the account-wide ones we alarm on.
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
    });
    // SES publishes Reject (a mail it refused after accepting the call) and Bounce counts to
    // CloudWatch only through an event destination; the alarms read them (mail-alarms.ts). The
    // default value names the set, whether or not SES fills in its auto-tag.
    this.configurationSet.addEventDestination('CloudWatch', {
      destination: EventDestination.cloudWatchDimensions([
        {
          source: CloudWatchDimensionSource.MESSAGE_TAG,
          name: SES_EVENTS_DIMENSION,
          defaultValue: this.configurationSet.configurationSetName,
        },
      ]),
      events: [EmailSendingEvent.REJECT, EmailSendingEvent.BOUNCE, EmailSendingEvent.RENDERING_FAILURE],
    });

    this.identity = new EmailIdentity(this, 'Domain', {
      identity: Identity.domain(props.domain),
      configurationSet: this.configurationSet,
    });
  }

  /**
   * ses:SendEmail from the sender address only, through this identity and configuration set. In
   * the SES sandbox SES also authorizes the call against each recipient's (verified) identity,
   * so the grant names those too (ses-recipients.ts), or every identity of the account and
   * region until production access narrows it.
   */
  grantSend(grantee: IGrantable): void {
    const stack = Stack.of(this);
    const identity = (name: string) =>
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail'],
        resources: [
          ...sesIdentityResources(this.domain, this.recipients).map(identity),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSet.configurationSetName,
          }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': this.senderAddress } },
      }),
    );
    if (this.recipients.kind === 'any' && Construct.isConstruct(grantee.grantPrincipal)) {
      acknowledge(grantee.grantPrincipal, {
        id: `AwsSolutions-IAM5[Resource::arn:${nagToken(stack.partition, 'Partition')}:ses:${nagToken(stack.region, 'Region')}:<AWS::AccountId>:identity/*]`,
        reason:
          'In the SES sandbox SES authorizes ses:SendEmail against every recipient identity too, so a grant on the domain alone fails with AccessDenied for verified test recipients. The wildcard is limited to this account and region, the sender is pinned by the ses:FromAddress condition and the configuration set. After production access, -c sesSandboxRecipients=none narrows it to the domain (docs/deploy.md).',
      });
    }
  }
}

/** A pseudo parameter as cdk-nag prints it: the literal when the stack knows it, else `<AWS::Name>`. */
function nagToken(value: string, name: string): string {
  return Token.isUnresolved(value) ? `<AWS::${name}>` : value;
}
