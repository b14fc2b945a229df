/** The ASL interpreter: executions over an injected store, clock and task handlers. No I/O. */
export { Engine, DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from './engine';
export type { EngineOptions, StartExecutionRequest, StartRefusal } from './engine';
export type { EngineRefusal, EngineResult } from './engine-result';
export { executionArnOf, parseExecutionArn, parseStateMachineArn, stateMachineArnOf } from '../asl/arns';
export type { Account } from '../asl/arns';
export { aliasArnOf, parseQualifiedStateMachineArn, versionArnOf } from './qualified-arns';
export type { QualifiedStateMachineArn } from './qualified-arns';
export type { RoutingConfigurationItem, StateMachineAliasRecord, StateMachineVersionRecord, VersionStore } from './state-machine-versions';
export { activityArnOf, parseActivityArn } from './activity-arns';
export type { ActivityRecord, ResourceStore, ResourceTag } from './resource-store';
export type { ActivityTaskAssignment } from './tasks/activity-tasks';
export type { MapRunRecord, MapRunSettings, MapRunStatus, MapRunStore } from './map-runs/map-run-record';
export type { MapRunCounts } from './map-runs/map-run-counts';
export type { MapRunDescription, MapRunRefusal, MapRuns } from './map-runs/map-runs';
export { labelledMachineName } from './map-runs/map-run-arns';
export { systemClock } from './clock';
export type { Clock, TimerHandle } from './clock';
export { VirtualClock, settle } from './virtual-clock';
export { ScaledClock } from './scaled-clock';
export type { ScaledClockOptions } from './scaled-clock';
export type { VirtualClockOptions } from './virtual-clock';
export { StatesError, ExecutionInterrupted, DynamoDbItemsError } from './errors';
export type { DynamoDbItemsErrorOptions } from './errors';
export type {
  ExecutionFilter,
  ExecutionRecord,
  ExecutionStatus,
  ExecutionStore,
  StateMachineRecord,
  StateMachineType,
  StoredEvent,
} from './execution-store';
export { MemoryExecutionStore } from './store/memory-execution-store';
export { decodeEventBatch, encodeEventBatch } from './store/event-batch';
export { detailsKeyFor, NOT_TRUNCATED } from './history-event';
export type { EventDetails, HistoryEvent } from './history-event';
export { isValidResourceName } from './execution-names';
export { fitsPayloadLimit } from './json-text';
export { explainJsonPath } from './data-flow/parse-json-path';
export type { ParsedJsonPath } from './data-flow/parse-json-path';
export { tokenizeIntrinsic } from './intrinsics/tokenize-intrinsic';
export { silentLogger } from './logger';
export type { Logger } from './logger';
export { createTaskHandlerRegistry } from './tasks/task-handler-registry';
export type { TaskHandler, TaskHandlerContext, TaskHandlerRegistry } from './tasks/task-handler-registry';
export type { TaskOutcome } from './tasks/task-outcome';
export type { DynamoDbAction, DynamoDbItems } from './tasks/dynamodb-items';
export type { CallbackAction, CallbackRefusal } from './tasks/deliver-callback';
export type { TaskIntegration, TaskInvocation, TaskPattern } from './tasks/task-integration';
export { testState, TEST_STATE_TIMEOUT_MS } from './test-state/test-state';
export type { TestStateOptions } from './test-state/test-state';
export { INSPECTION_LEVELS } from './test-state/test-state-request';
export type { InspectionLevel, TestStateConfiguration, TestStateMock, TestStateRequest } from './test-state/test-state-request';
export type {
  InspectionData,
  InspectionErrorDetails,
  TestStateOutput,
  TestStateRefusal,
  TestStateStatus,
} from './test-state/test-state-output';
