/**
 * What TestState answers, shaped like the API's TestStateOutput: JSON values as text, the status,
 * the next state and, from the DEBUG level on, the inspection data.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html#API_TestState_ResponseSyntax
 */

/** SUCCEEDED; FAILED; RETRIABLE (a Retry would run the state again); CAUGHT_ERROR (a Catch handled the error). */
export type TestStateStatus = 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR';

/** Which Retry or Catch handled the error, and the back-off before the retry. */
export type InspectionErrorDetails = { catchIndex?: number; retryIndex?: number; retryBackoffIntervalSeconds?: number };

/** The data-flow steps of the state (JSON text each), its variables and error handling. */
export type InspectionData = {
  input?: string;
  afterInputPath?: string;
  afterParameters?: string;
  afterArguments?: string;
  result?: string;
  afterResultSelector?: string;
  afterResultPath?: string;
  variables?: string;
  errorDetails?: InspectionErrorDetails;
  afterItemsPath?: string;
  maxConcurrency?: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
};

/** A TestState answer (field names as in the API's TestStateOutput). */
export type TestStateOutput = {
  status: TestStateStatus;
  output?: string;
  error?: string;
  cause?: string;
  nextState?: string;
  inspectionData?: InspectionData;
};

/** AWS exceptions TestState refuses a request with. */
export type TestStateRefusal = 'InvalidDefinition' | 'InvalidExecutionInput' | 'ValidationException';
