/**
 * ARNs of state machines, executions and Lambda functions, as AWS forms them: built and parsed here
 * only (the engine, the API's catalogue, the local stack and the deploy all use these).
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-executions.html
 */

/** Region and account an engine pretends to live in. */
export type Account = { region: string; accountId: string };

/** `arn:aws:states:REGION:ACCOUNT:stateMachine:NAME`. */
export function stateMachineArnOf(account: Account, name: string): string {
  return `arn:aws:states:${account.region}:${account.accountId}:stateMachine:${name}`;
}

/** `…:execution:MACHINE:NAME` (STANDARD) or `…:express:MACHINE:NAME:ID` (EXPRESS). */
export function executionArnOf(account: Account, machineName: string, name: string, express = false, id = ''): string {
  const base = `arn:aws:states:${account.region}:${account.accountId}`;
  return express ? `${base}:express:${machineName}:${name}:${id}` : `${base}:execution:${machineName}:${name}`;
}

/** The parts of a state machine ARN (without version or alias qualifiers), or undefined. */
export function parseStateMachineArn(arn: string): (Account & { name: string }) | undefined {
  const match = /^arn:aws[a-zA-Z-]*:states:([a-z0-9-]+):(\d{12}):stateMachine:([^:]+)$/.exec(arn);
  return match ? { region: match[1], accountId: match[2], name: match[3] } : undefined;
}

/** The parts of an execution ARN, or undefined. */
export function parseExecutionArn(arn: string): (Account & { machineName: string; name: string }) | undefined {
  const match = /^arn:aws[a-zA-Z-]*:states:([a-z0-9-]+):(\d{12}):(execution|express):([^:]+):([^:]+)(:[^:]+)?$/.exec(arn);
  return match ? { region: match[1], accountId: match[2], machineName: match[4], name: match[5] } : undefined;
}

/** `arn:aws:lambda:REGION:ACCOUNT:function:NAME`. */
export function lambdaFunctionArnOf(account: Account, name: string): string {
  return `arn:aws:lambda:${account.region}:${account.accountId}:function:${name}`;
}
