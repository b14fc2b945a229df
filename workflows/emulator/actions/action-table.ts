/** The Step Functions actions this server answers, by `X-Amz-Target` name. */
import type { ApiContext } from '../api-context';
import type { RequestBody } from '../request-fields';
import {
  describeExecution,
  describeStateMachineForExecution,
  listExecutions,
  redriveExecution,
  startExecution,
  startSyncExecution,
  stopExecution,
} from './execution-actions';
import { getExecutionHistory } from './history-action';
import { createStateMachine, deleteStateMachine, describeStateMachine, listStateMachines, updateStateMachine } from './state-machine-actions';
import { sendTaskFailure, sendTaskHeartbeat, sendTaskSuccess } from './task-token-actions';
import { testStateAction } from './test-state-action';
import { validateStateMachineDefinition } from './validate-definition-action';

/** One action: request body in, response body out. */
export type Action = (ctx: ApiContext, body: RequestBody) => unknown;

/** Action name → implementation. */
export const ACTIONS: Readonly<Record<string, Action>> = {
  CreateStateMachine: createStateMachine,
  UpdateStateMachine: updateStateMachine,
  DeleteStateMachine: deleteStateMachine,
  DescribeStateMachine: describeStateMachine,
  ListStateMachines: listStateMachines,
  ValidateStateMachineDefinition: validateStateMachineDefinition,
  StartExecution: startExecution,
  StartSyncExecution: startSyncExecution,
  StopExecution: stopExecution,
  DescribeExecution: describeExecution,
  DescribeStateMachineForExecution: describeStateMachineForExecution,
  ListExecutions: listExecutions,
  GetExecutionHistory: getExecutionHistory,
  SendTaskSuccess: sendTaskSuccess,
  SendTaskFailure: sendTaskFailure,
  SendTaskHeartbeat: sendTaskHeartbeat,
  RedriveExecution: redriveExecution,
  TestState: testStateAction,
};
