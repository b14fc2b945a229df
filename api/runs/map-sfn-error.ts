/** Step Functions exceptions as API problems; anything unrecognised is rethrown (and becomes a logged 500). */
import { SFNServiceException } from '@aws-sdk/client-sfn';
import { HttpError } from '../errors';

const MAPPED: Readonly<Record<string, { status: number; code: string; detail: string }>> = {
  ExecutionDoesNotExist: { status: 404, code: 'run-not-found', detail: 'no such run' },
  ExecutionAlreadyExists: { status: 409, code: 'run-already-exists', detail: 'a run with this id already exists with a different input' },
  InvalidExecutionInput: { status: 400, code: 'invalid-input', detail: 'the input is not valid JSON for Step Functions' },
  InvalidName: { status: 400, code: 'invalid-run-id', detail: 'the run id is not a valid execution name' },
  InvalidToken: { status: 400, code: 'invalid-cursor', detail: 'the cursor is not one this API returned' },
  ValidationException: { status: 400, code: 'invalid-request', detail: 'Step Functions rejected the request' },
  StateMachineDoesNotExist: { status: 502, code: 'workflow-not-deployed', detail: 'the workflow is in the catalogue but not deployed' },
  ExecutionLimitExceeded: { status: 429, code: 'too-many-runs', detail: 'too many running executions; try again later' },
};

/** Converts an SFN service exception (by its `name`) to an HttpError, or returns the error unchanged. */
export function mapSfnError(error: unknown): unknown {
  if (!(error instanceof SFNServiceException)) return error;
  const mapped = MAPPED[error.name];
  if (!mapped) return new HttpError(502, 'step-functions-error', 'Step Functions could not complete the request', {}, { cause: error });
  return new HttpError(mapped.status, mapped.code, mapped.detail, {}, { cause: error });
}

/** Awaits an SFN call, mapping its failure. */
export async function callSfn<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw mapSfnError(error);
  }
}
