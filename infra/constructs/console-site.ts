/**
 * The web console on AWS: the built files in a private, encrypted S3 bucket, served by CloudFront
 * through origin access control over HTTPS only, with the runtime `config.json` the console reads at
 * start-up (API and WebSocket URLs, the Cognito hosted UI) written beside them at deploy time.
 */
import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, acknowledgeWildcardResource } from '../nag/acknowledge';
import type { ConsoleConfig } from '../../web/src/config/console-config';

export class ConsoleSite extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, { prefix }: { prefix: string }) {
    super(scope, id);
    const logs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    this.bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: false,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'files/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: `${prefix}console`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
      },
      logBucket: logs,
      logFilePrefix: 'cdn/',
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
    });
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      'The default *.cloudfront.net certificate: CloudFront applies a minimum TLS version only with a custom domain and its own certificate, which the stack does not assume',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Teams work from anywhere; the console is static files and every call it makes needs a Cognito token',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'The console is static files; a web ACL costs a monthly fee per stage, so it is left to teams that need it (README: Deploy to AWS)',
    );
  }

  /** The console's origin (https://…, no trailing slash). */
  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }

  /** Uploads the built console from `webDir` and the runtime config, and invalidates the CDN's copies. */
  deploy(webDir: string, config: ConsoleConfig): void {
    const deployment = new s3deploy.BucketDeployment(this, 'Deploy', {
      sources: [s3deploy.Source.asset(webDir), s3deploy.Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      memoryLimit: 512,
    });
    // The upload runs as aws-cdk-lib's own singleton custom resource, whose role and runtime the library sets.
    const handler = deployment.handlerRole.node.scope ?? deployment.handlerRole;
    const reason =
      "aws-cdk-lib's BucketDeployment custom resource, run only during a deploy to copy the console into its bucket: its runtime and policy come with the library";
    const stack = Stack.of(this);
    const findings = [
      'AwsSolutions-L1',
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map(
        (action) => `AwsSolutions-IAM5[Action::${action}]`,
      ),
      'AwsSolutions-IAM5[Resource::*]',
    ];
    for (const finding of findings) acknowledge(handler, finding, reason);
    acknowledgeWildcardResource(handler, `${this.bucket.bucketArn}/*`, reason);
    // The bootstrap's asset bucket, where `cdk deploy` uploads the built console first.
    acknowledgeWildcardResource(
      handler,
      `arn:${stack.partition}:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${stack.account}-${stack.region}/*`,
      reason,
    );
  }
}
