import { Aws, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { type ReceiptRule, ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { Lambda as LambdaAction, LambdaInvocationType, S3 as S3Action } from 'aws-cdk-lib/aws-ses-actions';
import { Construct } from 'constructs';
import { INBOUND_MAIL_PREFIX } from './package-bucket';

/** Props of {@link InboundMail}. */
export interface InboundMailProps {
  /** The controllers' privacy addresses (the register's `privacyEmails`): mail to any of them is taken in. */
  readonly recipients: readonly string[];
  /** Where SES stores each message, under `inbound-mail/` (the package bucket, SSE-KMS by default). */
  readonly bucket: IBucket;
  /** The bucket's default encryption key: SES writes through S3 with it, so it must be allowed its data keys. */
  readonly encryptionKey: IKey;
  /** Reads a stored message and makes it a request or a draft (functions/handlers/inbound/receive-email.ts). */
  readonly receiver: IFunction;
}

/**
 * SES receiving for the privacy addresses: one receipt rule set with one rule whose S3 action stores
 * the raw message and whose Lambda action then hands the receiver SES's verdicts (spam, virus, SPF,
 * DKIM, DMARC) and the message's id. A rule set takes mail only once it is the account's active one,
 * which CloudFormation cannot set: `aws ses set-active-receipt-rule-set --rule-set-name <ruleSetName>`
 * (README, "Requests by email"). SES receives mail in some regions only.
 */
export class InboundMail extends Construct {
  public readonly ruleSet: ReceiptRuleSet;
  public readonly rule: ReceiptRule;

  constructor(scope: Construct, id: string, props: InboundMailProps) {
    super(scope, id);
    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet');
    this.rule = this.ruleSet.addRule('PrivacyAddresses', {
      recipients: [...props.recipients],
      // Spam and virus verdicts are what the receiver drops by; mail over plain text is refused at SMTP.
      scanEnabled: true,
      tlsPolicy: TlsPolicy.REQUIRE,
      actions: [
        // Stored first: the Lambda action runs after it and reads the object SES named by message id.
        new S3Action({ bucket: props.bucket, objectKeyPrefix: INBOUND_MAIL_PREFIX }),
        // Asynchronous: SES does not wait, Lambda retries a failure, and the receiver takes a message in once.
        new LambdaAction({ function: props.receiver, invocationType: LambdaInvocationType.EVENT }),
      ],
    });
    // The bucket encrypts with the personal-data key by default, so SES's PutObject needs a data key
    // from it: only through S3 in this region, only for this account's mail.
    props.encryptionKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Encrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID, 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` },
        },
      }),
    );
  }
}
