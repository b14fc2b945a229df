/** Acknowledging a cdk-nag finding on a construct (and what is below it), with the reason written down. */
import { Stack, Validations } from 'aws-cdk-lib';
// cdk-nag's own spelling of a resource in a finding id (`arn:<AWS::Partition>:…`), so ours always matches it.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/** Acknowledges `rule` (as cdk-nag names it, e.g. `AwsSolutions-APIG4` or `AwsSolutions-IAM5[Resource::*]`) on `scope`. */
export function acknowledge(scope: IConstruct, rule: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: rule, reason });
}

/** Acknowledges the wildcard `resource` (an ARN, tokens allowed) in the policies on or below `scope`. */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  acknowledge(scope, `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`, reason);
}
