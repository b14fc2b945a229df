/**
 * What TestState is asked, in the API's own terms (JSON as text): one state, or a state machine
 * and the `stateName` to test, with its input, variables, context, mock and inspection level.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html
 */

/** INFO: the output only; DEBUG: also the data-flow steps; TRACE: also an HTTP Task's request and response. */
export const INSPECTION_LEVELS = ['INFO', 'DEBUG', 'TRACE'] as const;

/** One of INSPECTION_LEVELS. */
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];

/** How strictly AWS checks a mocked result against the service's API model (not checked here). */
export type MockValidationMode = 'STRICT' | 'PRESENT' | 'NONE';

/** The mocked result (JSON text) or error of a tested Task, Map or Parallel state. */
export type TestStateMock = {
  result?: string;
  errorOutput?: { error?: string; cause?: string };
  fieldValidationMode?: MockValidationMode;
};

/** Which moment of the state's life is tested: here only how many retries have already happened. */
export type TestStateConfiguration = {
  retrierRetryCount?: number;
  errorCausedByState?: string;
  mapIterationFailureCount?: number;
  mapItemReaderData?: string;
};

/** A TestState request (field names as in the API's TestStateInput). */
export type TestStateRequest = {
  /** The state's ASL, or a whole state machine's when `stateName` is given. */
  definition: string;
  stateName?: string;
  /** JSON text of the state's input (default `{}`). */
  input?: string;
  /** JSON text of an object: the workflow variables the state sees. */
  variables?: string;
  /** JSON text of the context object (only with a mock). */
  context?: string;
  mock?: TestStateMock;
  inspectionLevel?: InspectionLevel;
  roleArn?: string;
  revealSecrets?: boolean;
  stateConfiguration?: TestStateConfiguration;
};
