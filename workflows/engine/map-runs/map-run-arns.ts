/**
 * ARNs of a Map Run and of its child workflow executions. The run is `…:mapRun:PARENT/LABEL:UUID`;
 * its children run the labelled state machine `…:stateMachine:PARENT/LABEL`, as
 * `…:execution:PARENT/LABEL:NAME` (EXPRESS: `…:express:PARENT/LABEL:NAME:ID`). Every id is derived
 * from the parent execution and its history, so a replay after a restart finds the same run and children.
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-examine-map-run.html
 */
import { createHash } from 'node:crypto';
import type { Account } from '../../asl/arns';
import { isValidResourceName } from '../execution-names';
import type { MapRunRecord } from './map-run-record';

/** A UUID-shaped id drawn from `text` (the same text, the same id). */
export function hashedUuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The label in the run's ARNs: the state's Label, else its name (or an id when the name cannot be part of an ARN). */
export function mapRunLabel(label: string | undefined, stateName: string): string {
  if (label !== undefined) return label;
  return isValidResourceName(stateName) ? stateName : hashedUuid(stateName);
}

/** Where a Map Run belongs: the parent execution, the state's visit (MapStateEntered's id) and the attempt (Retry). */
export type MapRunOrigin = {
  account: Account;
  executionArn: string;
  machineName: string;
  label: string;
  enteredId: number;
  attempt: number;
};

/** The Map Run's ARN (a retried Map state starts a new run). */
export function mapRunArnOf(origin: MapRunOrigin): string {
  const { account, executionArn, machineName, label, enteredId, attempt } = origin;
  const uuid = hashedUuid(attempt ? `${executionArn}|${enteredId}|${attempt}` : `${executionArn}|${enteredId}`);
  return `arn:aws:states:${account.region}:${account.accountId}:mapRun:${machineName}/${label}:${uuid}`;
}

/** The labelled state machine the run's children run: `…:stateMachine:PARENT/LABEL`. */
export function mapRunStateMachineArnOf(origin: MapRunOrigin): string {
  return `arn:aws:states:${origin.account.region}:${origin.account.accountId}:stateMachine:${origin.machineName}/${origin.label}`;
}

/** `PARENT/LABEL` of a labelled state machine ARN. */
export function labelledMachineName(stateMachineArn: string): string {
  return stateMachineArn.slice(stateMachineArn.indexOf(':stateMachine:') + ':stateMachine:'.length);
}

/** The name of the run's child execution number `index`. */
export function childExecutionName(mapRunArn: string, index: number): string {
  return hashedUuid(`${mapRunArn}#${index}`);
}

/** The ARN of the run's child execution number `index`. */
export function childExecutionArn(mapRun: Pick<MapRunRecord, 'arn' | 'stateMachineArn' | 'executionType'>, index: number): string {
  const name = childExecutionName(mapRun.arn, index);
  if (mapRun.executionType === 'EXPRESS')
    return `${mapRun.stateMachineArn.replace(':stateMachine:', ':express:')}:${name}:${hashedUuid(`${mapRun.arn}#${index}#express`)}`;
  return `${mapRun.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}
