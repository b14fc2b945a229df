/**
 * State machine ARNs qualified with a version (`…:stateMachine:NAME:3`) or an alias
 * (`…:stateMachine:NAME:PROD`). https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
 */

/** The unqualified ARN and the version number or alias name after it, if any. */
export type QualifiedStateMachineArn = { stateMachineArn: string; name: string; version?: number; alias?: string };

const QUALIFIED = /^(arn:aws[a-zA-Z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:([^:]+))(?::([^:]+))?$/;

/** Splits a state machine, version or alias ARN; undefined when it is none of them. */
export function parseQualifiedStateMachineArn(arn: string): QualifiedStateMachineArn | undefined {
  const match = QUALIFIED.exec(arn);
  if (!match) return undefined;
  const [, stateMachineArn, name, qualifier] = match;
  if (qualifier === undefined) return { stateMachineArn, name };
  if (/^\d+$/.test(qualifier)) return /^[1-9]\d*$/.test(qualifier) ? { stateMachineArn, name, version: Number(qualifier) } : undefined;
  return { stateMachineArn, name, alias: qualifier };
}

/** `stateMachineArn:N`. */
export function versionArnOf(stateMachineArn: string, version: number): string {
  return `${stateMachineArn}:${version}`;
}

/** `stateMachineArn:NAME`. */
export function aliasArnOf(stateMachineArn: string, alias: string): string {
  return `${stateMachineArn}:${alias}`;
}
