/**
 * How the engine benchmark runs one workload: on aws-local-stepfunctions (the peer), and on our
 * Engine over a given store (in memory or SQLite). Each returns elapsed milliseconds and the
 * states entered, so throughput is computed the same way for all.
 */
import { performance } from 'node:perf_hooks';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { Engine, stateMachineArnOf, systemClock, type ExecutionStore } from '../workflows/engine';
import type { EngineWorkload } from './engine-workloads';

/** One timed sample: `executionsPerSample` executions back to back. */
export type Sample = { ms: number; transitions: number };

/** Runs one sample of `workload` on the peer; its transitions are the workload's known count. */
export async function runPeerSample(workload: EngineWorkload): Promise<Sample> {
  const machine = new StateMachine(workload.definition as unknown as StateMachineDefinition);
  const started = performance.now();
  for (let i = 0; i < workload.executionsPerSample; i++) await machine.run(workload.input).result;
  return { ms: performance.now() - started, transitions: workload.transitions * workload.executionsPerSample };
}

/** Our engine over one store, with the workloads deployed. */
export class EngineRunner {
  private readonly engine: Engine;
  private readonly arns = new Map<string, string>();
  private started = 0;

  constructor(private readonly store: ExecutionStore) {
    this.engine = new Engine({ store, clock: systemClock });
  }

  /** Runs one sample of `workload`; transitions are counted from the recorded history. */
  async sample(workload: EngineWorkload): Promise<Sample> {
    const stateMachineArn = this.deploy(workload);
    const input = JSON.stringify(workload.input);
    const arns: string[] = [];
    const started = performance.now();
    for (let i = 0; i < workload.executionsPerSample; i++) {
      const result = this.engine.startExecution({ stateMachineArn, input, name: `run-${++this.started}` });
      if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
      const record = await this.engine.waitForExecution(result.value.record.arn);
      if (record.status !== 'SUCCEEDED')
        throw new Error(`${workload.name}: execution ${record.status} (${record.error ?? ''} ${record.cause ?? ''})`);
      arns.push(record.arn);
    }
    const ms = performance.now() - started;
    let transitions = 0;
    for (const arn of arns) transitions += this.engine.history(arn).filter((event) => event.type.endsWith('StateEntered')).length;
    return { ms, transitions };
  }

  /** Stops the engine and closes its store. */
  async close(): Promise<void> {
    await this.engine.close();
    this.store.close();
  }

  private deploy(workload: EngineWorkload): string {
    let arn = this.arns.get(workload.name);
    if (!arn) {
      const name = `bench-${this.arns.size + 1}`;
      arn = stateMachineArnOf(this.engine.account, name);
      this.store.putStateMachine({
        arn,
        name,
        type: workload.type,
        definition: JSON.stringify(workload.definition),
        roleArn: 'arn:aws:iam::123456789012:role/bench',
        createdAt: Date.now(),
      });
      this.arns.set(workload.name, arn);
    }
    return arn;
  }
}
