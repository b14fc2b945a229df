/**
 * A Lambda function from a bundle of infra/bundle: Node.js 22 on ARM, X-Ray tracing, its own log
 * group with a retention, and its own role allowed to write that log group only (no managed policy).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { BundledFunction } from '../bundle/bundle-functions';
import { acknowledge } from '../nag/acknowledge';

export type BundledFunctionProps = {
  bundle: BundledFunction;
  prefix: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
};

/** The runtime the bundles are built for (esbuild's target in bundle-functions.ts) and tested on. */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_22_X;

/** Creates the function `${prefix}${bundle.name}` running `index.handler` of the bundle's directory. */
export function bundledFunction(
  scope: Construct,
  id: string,
  { bundle, prefix, environment = {}, memorySize = 512, timeout = Duration.seconds(30) }: BundledFunctionProps,
): lambda.Function {
  const functionName = `${prefix}${bundle.name}`;
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
    logGroupName: `/aws/lambda/${functionName}`,
    retention: logs.RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const role = new iam.Role(scope, `${id}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `Runs the ${functionName} function`,
  });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
  const fn = new lambda.Function(scope, id, {
    functionName,
    description: bundle.description,
    runtime: FUNCTION_RUNTIME,
    architecture: lambda.Architecture.ARM_64,
    handler: 'index.handler',
    code: lambda.Code.fromAsset(bundle.dir),
    memorySize,
    timeout,
    tracing: lambda.Tracing.ACTIVE,
    logGroup,
    role,
    environment,
  });
  acknowledge(
    role,
    'AwsSolutions-IAM5[Resource::*]',
    'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions (test/infra checks nothing else is on *)',
  );
  acknowledge(
    fn,
    'AwsSolutions-L1',
    'The bundles are built for and tested on Node.js 22 (esbuild target node22), the runtime the product supports; a newer one is a deliberate upgrade',
  );
  return fn;
}
