/**
 * StartExecution's checks and the new execution record: state machine, input (JSON, 256 KiB),
 * name, and idempotency by name (same input while running → the same execution).
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
 */
import { randomUUID } from 'node:crypto';
import { executionArnOf, type Account } from '../asl/arns';
import { accept, refuse, type EngineResult } from './engine-result';
import { isValidResourceName } from './execution-names';
import type { ExecutionRecord, ExecutionStore } from './execution-store';
import { fitsPayloadLimit } from './json-text';
import { resolveStartTarget } from './start-target';

/** StartExecution's parameters. `reuseExisting` lets a nested start find the execution it already started. */
export type StartExecutionRequest = {
  stateMachineArn: string;
  name?: string;
  input?: string;
  traceHeader?: string;
  parentArn?: string;
  reuseExisting?: boolean;
};

/** AWS exceptions StartExecution can be refused with. */
export type StartRefusal = 'StateMachineDoesNotExist' | 'InvalidName' | 'InvalidExecutionInput' | 'ExecutionAlreadyExists';

/**
 * The record of a new execution (`created`), an existing one it is idempotent with, or a refusal.
 * `stateMachineArn` may name a version or an alias; `random` draws the version of an alias.
 */
export function newExecution(
  store: ExecutionStore,
  account: Account,
  now: number,
  request: StartExecutionRequest,
  random: () => number = Math.random,
): EngineResult<{ record: ExecutionRecord; created: boolean }, StartRefusal> {
  const target = resolveStartTarget(store, request.stateMachineArn, random);
  if (!target) return refuse('StateMachineDoesNotExist', `State Machine Does Not Exist: '${request.stateMachineArn}'`);
  const input = request.input ?? '{}';
  try {
    JSON.parse(input);
  } catch {
    return refuse('InvalidExecutionInput', `Invalid State Machine Execution Input: 'Unexpected character (${input.slice(0, 20)})'`);
  }
  if (!fitsPayloadLimit(input)) return refuse('InvalidExecutionInput', 'The input exceeds the maximum allowed size of 262144 bytes.');
  const name = request.name ?? randomUUID();
  if (!isValidResourceName(name)) return refuse('InvalidName', `Invalid Name: '${name}'`);
  const { machine } = target;
  const express = machine.type === 'EXPRESS';
  const arn = executionArnOf(account, machine.name, name, express, express ? randomUUID() : '');
  const existing = express ? undefined : store.getExecution(arn);
  if (existing) {
    if (existing.input === input && (existing.status === 'RUNNING' || request.reuseExisting))
      return accept({ record: existing, created: false });
    return refuse('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
  }
  return accept({
    created: true,
    record: {
      arn,
      stateMachineArn: machine.arn,
      stateMachineName: machine.name,
      name,
      type: machine.type,
      status: 'RUNNING',
      definition: target.definition,
      roleArn: target.roleArn,
      input,
      startedAt: now,
      redriveCount: 0,
      parentArn: request.parentArn,
      traceHeader: request.traceHeader,
      ...(target.revisionId === undefined ? {} : { revisionId: target.revisionId }),
      revisionDate: target.revisionDate,
      ...(target.versionArn === undefined ? {} : { stateMachineVersionArn: target.versionArn }),
      ...(target.aliasArn === undefined ? {} : { stateMachineAliasArn: target.aliasArn }),
    },
  });
}
