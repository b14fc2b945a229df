/**
 * The states of Amazon States Language, as a union narrowed by `Type`. Field names are AWS's
 * own. https://states-language.net/spec.html and
 * https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html
 */
import type { ChoiceRule } from './choice-rule';
import type { JsonValue } from './json';
import type { Catcher, Retrier } from './retrier';

export type QueryLanguage = 'JSONPath' | 'JSONata';

export type StateType = 'Pass' | 'Task' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

/** Fields every state may have. */
type CommonFields = {
  Comment?: string;
  QueryLanguage?: QueryLanguage;
};

/** `Next` or `End: true`, for states that transition. */
type Transition = { Next?: string; End?: boolean };

/** JSONPath-mode data-flow fields (InputPath → Parameters → … → ResultPath → OutputPath). */
type InputOutputPaths = { InputPath?: string | null; OutputPath?: string | null };
type ResultFields = { ResultPath?: string | null; ResultSelector?: Record<string, JsonValue> };

/** JSONata-mode data-flow fields and variables (both modes may Assign). */
type JsonataFields = { Arguments?: JsonValue; Output?: JsonValue };
type AssignField = { Assign?: Record<string, JsonValue> };

export type PassState = CommonFields &
  Transition &
  InputOutputPaths &
  AssignField & {
    Type: 'Pass';
    Result?: JsonValue;
    ResultPath?: string | null;
    Parameters?: JsonValue;
    Output?: JsonValue;
  };

export type TaskState = CommonFields &
  Transition &
  InputOutputPaths &
  ResultFields &
  JsonataFields &
  AssignField & {
    Type: 'Task';
    Resource: string;
    Parameters?: Record<string, JsonValue>;
    Credentials?: JsonValue;
    TimeoutSeconds?: number | string;
    TimeoutSecondsPath?: string;
    HeartbeatSeconds?: number | string;
    HeartbeatSecondsPath?: string;
    Retry?: Retrier[];
    Catch?: Catcher[];
  };

export type ChoiceState = CommonFields &
  InputOutputPaths &
  AssignField & {
    Type: 'Choice';
    Choices: ChoiceRule[];
    Default?: string;
    Output?: JsonValue;
  };

export type WaitState = CommonFields &
  Transition &
  InputOutputPaths &
  AssignField & {
    Type: 'Wait';
    Seconds?: number | string;
    SecondsPath?: string;
    Timestamp?: string;
    TimestampPath?: string;
    Output?: JsonValue;
  };

export type SucceedState = CommonFields &
  InputOutputPaths & {
    Type: 'Succeed';
    Output?: JsonValue;
  };

export type FailState = CommonFields & {
  Type: 'Fail';
  Error?: string;
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
};

export type ParallelState = CommonFields &
  Transition &
  InputOutputPaths &
  ResultFields &
  JsonataFields &
  AssignField & {
    Type: 'Parallel';
    Branches: StateMachineBranch[];
    Parameters?: Record<string, JsonValue>;
    Retry?: Retrier[];
    Catch?: Catcher[];
  };

/** How a Map state processes its items. */
export type ItemProcessor = StateMachineBranch & {
  ProcessorConfig?: { Mode?: 'INLINE' | 'DISTRIBUTED'; ExecutionType?: 'STANDARD' | 'EXPRESS' };
};

export type MapState = CommonFields &
  Transition &
  InputOutputPaths &
  ResultFields &
  JsonataFields &
  AssignField & {
    Type: 'Map';
    ItemProcessor?: ItemProcessor;
    /** Deprecated spelling of ItemProcessor, still accepted by AWS. */
    Iterator?: StateMachineBranch;
    ItemsPath?: string;
    Items?: JsonValue;
    ItemSelector?: Record<string, JsonValue> | JsonValue;
    /** Deprecated spelling of ItemSelector. */
    Parameters?: Record<string, JsonValue>;
    ItemBatcher?: {
      MaxItemsPerBatch?: number;
      MaxItemsPerBatchPath?: string;
      MaxInputBytesPerBatch?: number;
      MaxInputBytesPerBatchPath?: string;
      BatchInput?: JsonValue;
    };
    ItemReader?: JsonValue;
    ResultWriter?: JsonValue;
    MaxConcurrency?: number | string;
    MaxConcurrencyPath?: string;
    ToleratedFailureCount?: number | string;
    ToleratedFailureCountPath?: string;
    ToleratedFailurePercentage?: number | string;
    ToleratedFailurePercentagePath?: string;
    Label?: string;
    Retry?: Retrier[];
    Catch?: Catcher[];
  };

/** Any state. Narrow with `state.Type`. */
export type State = PassState | TaskState | ChoiceState | WaitState | SucceedState | FailState | ParallelState | MapState;

/** The states of a Parallel branch or Map processor: like a state machine, without its top-level options. */
export type StateMachineBranch = {
  StartAt: string;
  States: Record<string, State>;
  Comment?: string;
  QueryLanguage?: QueryLanguage;
};
