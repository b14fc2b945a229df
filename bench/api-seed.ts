/** Stores many runs quickly: StartExecution straight at the engine's Step Functions endpoint, with bounded concurrency. */
import { CreateStateMachineCommand, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../workflows/engine';

/** The extra single-Pass state machine, for when catalogue workflows are too slow to store in bulk. */
export const NOOP_WORKFLOW = 'bench-noop';
const DEFAULT_CONCURRENCY = 64;
const PROGRESS_EVERY = 10_000;

/** What to start and how many. */
export type SeedOptions = {
  sfn: SFNClient;
  workflow: string;
  input: unknown;
  count: number;
  concurrency?: number;
  onProgress?: (done: number, ms: number) => void;
};

/** The ARN of a state machine deployed on the embedded engine. */
export function localStateMachineArn(name: string): string {
  return `arn:aws:states:${DEFAULT_REGION}:${DEFAULT_ACCOUNT_ID}:stateMachine:${name}`;
}

/** Deploys `bench-noop` (one Pass state) on the engine. */
export async function deployNoopWorkflow(sfn: SFNClient): Promise<void> {
  const definition = { StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } };
  await sfn.send(
    new CreateStateMachineCommand({
      name: NOOP_WORKFLOW,
      definition: JSON.stringify(definition),
      roleArn: `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:role/statecraft-local`,
      type: 'STANDARD',
    }),
  );
}

/** Starts `count` executions named `seed-<n>` and returns their names; progress every 10,000. */
export async function seedRuns({
  sfn,
  workflow,
  input,
  count,
  concurrency = DEFAULT_CONCURRENCY,
  onProgress,
}: SeedOptions): Promise<string[]> {
  const stateMachineArn = localStateMachineArn(workflow);
  const text = JSON.stringify(input);
  const names: string[] = [];
  const started = Date.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const name = `seed-${next++}`;
      await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: text }));
      names.push(name);
      if (names.length % PROGRESS_EVERY === 0) onProgress?.(names.length, Date.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return names;
}
