/** `GET /api/runs/{runId}`: the run's status (incl. WAITING_FOR_APPROVAL), data, error and current states. */
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { FoundRun } from './find-run';
import { fetchHistory } from './fetch-history';
import { historyProgress } from './history-progress';
import { redactTaskTokens } from './redact-task-tokens';

/** A run's status: Step Functions' own, or WAITING_FOR_APPROVAL for a running one parked on an approval. */
export type RunStatus = 'RUNNING' | 'WAITING_FOR_APPROVAL' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

/** The run as the API returns it. */
export type RunDetails = {
  runId: string;
  workflow: string;
  executionArn: string;
  status: RunStatus;
  input: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
  startedAt: string;
  stoppedAt?: string;
  currentStates: string[];
  waitingForApproval: string[];
  /** Who started the run (the run ledger); null for a run started outside Statecraft. */
  startedBy: string | null;
  /** Where it was started; null outside Statecraft. */
  channel: string | null;
};

/** Describes the run, reading its history while it is running. */
export async function describeRun(sfn: SFNClient, { entry, execution, ledger }: FoundRun): Promise<RunDetails> {
  const running = execution.status === 'RUNNING';
  const progress = running
    ? historyProgress(await fetchHistory(sfn, execution.executionArn ?? ''))
    : { currentStates: [], waitingForApproval: [] };
  const status: RunStatus = running && progress.waitingForApproval.length > 0 ? 'WAITING_FOR_APPROVAL' : (execution.status ?? 'RUNNING');
  return {
    runId: execution.name ?? '',
    workflow: entry.name,
    executionArn: execution.executionArn ?? '',
    status,
    input: parseJson(execution.input),
    ...(execution.output === undefined ? {} : { output: parseJson(execution.output) }),
    ...(execution.error === undefined ? {} : { error: execution.error }),
    ...(execution.cause === undefined ? {} : { cause: execution.cause }),
    startedAt: (execution.startDate ?? new Date(0)).toISOString(),
    ...(execution.stopDate ? { stoppedAt: execution.stopDate.toISOString() } : {}),
    ...progress,
    startedBy: ledger?.startedBy ?? null,
    channel: ledger?.channel ?? null,
  };
}

/** JSON text as a value (the text itself when it is not JSON), without task tokens. */
export function parseJson(text: string | undefined): unknown {
  if (text === undefined) return null;
  try {
    return redactTaskTokens(JSON.parse(text));
  } catch {
    return text;
  }
}
