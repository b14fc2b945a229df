/** Amazon States Language as TypeScript types, limits and error names. No I/O. */
export type { JsonObject, JsonPrimitive, JsonValue } from './json';
export type { Catcher, JitterStrategy, Retrier } from './retrier';
export type { BooleanExpression, ChoiceRule, ComparisonOperator, DataTestExpression } from './choice-rule';
export { COMPARISON_OPERATORS } from './choice-rule';
export type {
  ChoiceState,
  FailState,
  ItemProcessor,
  MapState,
  ParallelState,
  PassState,
  QueryLanguage,
  State,
  StateMachineBranch,
  StateType,
  SucceedState,
  TaskState,
  WaitState,
} from './state';
export type { StateMachine } from './state-machine';
export { MAX_DEFINITION_BYTES, MAX_PAYLOAD_BYTES } from './state-machine';
export type { StatesErrorName } from './error-names';
export { STATES_ERROR_NAMES, isStatesErrorName } from './error-names';
export { APPROVAL_REJECTED_ERROR, APPROVAL_REQUEST_FUNCTION, approvedOutput, rejectedFailure } from './approval-contract';
export { executionArnOf, lambdaFunctionArnOf, parseExecutionArn, parseStateMachineArn, stateMachineArnOf } from './arns';
export type { Account } from './arns';
