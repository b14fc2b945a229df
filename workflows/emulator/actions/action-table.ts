/** The Step Functions actions this server answers, by `X-Amz-Target` name. */
import type { ApiContext } from '../api-context';
import type { RequestBody } from '../request-fields';
import {
  createStateMachineAlias,
  deleteStateMachineAlias,
  describeStateMachineAlias,
  listStateMachineAliases,
  updateStateMachineAlias,
} from './alias-actions';
import { createActivity, deleteActivity, describeActivity, getActivityTask, listActivities } from './activity-actions';
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
import { describeMapRun, listMapRuns, updateMapRun } from './map-run-actions';
import {
  createStateMachine,
  deleteStateMachine,
  describeStateMachine,
  listStateMachines,
  updateStateMachine,
} from './state-machine-actions';
import { listTagsForResource, tagResource, untagResource } from './tag-actions';
import { sendTaskFailure, sendTaskHeartbeat, sendTaskSuccess } from './task-token-actions';
import { testStateAction } from './test-state-action';
import { validateStateMachineDefinition } from './validate-definition-action';
import { deleteStateMachineVersion, listStateMachineVersions, publishStateMachineVersion } from './version-actions';

/** One action: request body in, response body out (`signal` fires when the client goes away). */
export type Action = (ctx: ApiContext, body: RequestBody, signal: AbortSignal) => unknown;

/** Action name → implementation. */
export const ACTIONS: Readonly<Record<string, Action>> = {
  CreateStateMachine: createStateMachine,
  UpdateStateMachine: updateStateMachine,
  DeleteStateMachine: deleteStateMachine,
  DescribeStateMachine: describeStateMachine,
  ListStateMachines: listStateMachines,
  PublishStateMachineVersion: publishStateMachineVersion,
  ListStateMachineVersions: listStateMachineVersions,
  DeleteStateMachineVersion: deleteStateMachineVersion,
  CreateStateMachineAlias: createStateMachineAlias,
  DescribeStateMachineAlias: describeStateMachineAlias,
  UpdateStateMachineAlias: updateStateMachineAlias,
  DeleteStateMachineAlias: deleteStateMachineAlias,
  ListStateMachineAliases: listStateMachineAliases,
  ValidateStateMachineDefinition: validateStateMachineDefinition,
  StartExecution: startExecution,
  StartSyncExecution: startSyncExecution,
  StopExecution: stopExecution,
  DescribeExecution: describeExecution,
  DescribeStateMachineForExecution: describeStateMachineForExecution,
  ListExecutions: listExecutions,
  GetExecutionHistory: getExecutionHistory,
  DescribeMapRun: describeMapRun,
  ListMapRuns: listMapRuns,
  UpdateMapRun: updateMapRun,
  SendTaskSuccess: sendTaskSuccess,
  SendTaskFailure: sendTaskFailure,
  SendTaskHeartbeat: sendTaskHeartbeat,
  RedriveExecution: redriveExecution,
  TestState: testStateAction,
  CreateActivity: createActivity,
  DescribeActivity: describeActivity,
  ListActivities: listActivities,
  DeleteActivity: deleteActivity,
  GetActivityTask: getActivityTask,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};
