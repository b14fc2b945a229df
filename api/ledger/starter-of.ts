/**
 * Who started a run, from the run ledger only: the verified caller of the start, never the run's
 * input. A nested run (started by a workflow's `startWorkflow` step) has no ledger item of its own
 * and inherits its parent's starter. The parent is named by the child's
 * `AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID` input field, which anyone who starts a run could
 * write, so the link is followed only when the parent's own history shows it started this child.
 */
import { isDeepStrictEqual } from 'node:util';
import type { SFNClient } from '@aws-sdk/client-sfn';
import { STARTED_BY_EXECUTION_FIELD } from '../../workflows/dsl/integrations/start-workflow';
import { runIdOf } from '../catalogue/workflow-catalogue';
import { describeExecution } from '../runs/find-run';
import { fetchHistory } from '../runs/fetch-history';
import type { RunLedger } from './run-ledger';

/** How many nesting levels are followed up to a run started through Statecraft. */
const MAX_NESTING = 5;

/** What finding a starter reads: the ledger, and Step Functions for nested runs (without it, nested runs have no known starter). */
export type StarterLookup = { ledger: RunLedger; sfn?: SFNClient };

/** The starter of the execution, or undefined when it was started outside Statecraft. */
export async function starterOf({ ledger, sfn }: StarterLookup, executionArn: string, depth = 0): Promise<string | undefined> {
  const item = await ledger.get(runIdOf(executionArn));
  if (item) return item.executionArn === executionArn ? item.startedBy : undefined;
  if (!sfn || depth >= MAX_NESTING) return undefined;
  const child = await describeExecution(sfn, executionArn);
  const parentArn = parentOf(child?.input);
  if (
    !child ||
    !parentArn ||
    !(await startedChild(sfn, parentArn, { arn: executionArn, stateMachineArn: child.stateMachineArn, input: child.input }))
  )
    return undefined;
  return starterOf({ ledger, sfn }, parentArn, depth + 1);
}

/** The parent execution ARN the input names, if any. */
function parentOf(input: string | undefined): string | undefined {
  const parsed = parse(input);
  const parent =
    typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[STARTED_BY_EXECUTION_FIELD] : undefined;
  return typeof parent === 'string' && parent.startsWith('arn:') ? parent : undefined;
}

/**
 * Whether a startExecution task in the parent's history started this child: one that reports the
 * child's ARN (TaskSubmitted/TaskSucceeded output, as AWS records them), or one scheduled with the
 * child's state machine and exactly its input (which holds the parent's ARN).
 */
async function startedChild(
  sfn: SFNClient,
  parentArn: string,
  child: { arn: string; stateMachineArn?: string; input?: string },
): Promise<boolean> {
  const events = await fetchHistory(sfn, parentArn).catch(() => []);
  const childInput = parse(child.input);
  return events.some((event) => {
    const reported = event.taskSubmittedEventDetails ?? event.taskSucceededEventDetails;
    if (reported?.resource?.startsWith('startExecution') && reported.output?.includes(`"ExecutionArn":${JSON.stringify(child.arn)}`))
      return true;
    const scheduled = event.taskScheduledEventDetails;
    if (!scheduled?.resource?.startsWith('startExecution')) return false;
    const parameters = parse(scheduled.parameters) as { StateMachineArn?: unknown; Input?: unknown } | undefined;
    const input = typeof parameters?.Input === 'string' ? parse(parameters.Input) : parameters?.Input;
    return parameters?.StateMachineArn === child.stateMachineArn && isDeepStrictEqual(input, childInput);
  });
}

function parse(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? 'null') as unknown;
  } catch {
    return undefined;
  }
}
