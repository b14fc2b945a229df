/** The live state of one running execution: its record, journal, services and cancellation. */
import type { JsonValue, StateMachine } from '../asl';
import type { Clock } from './clock';
import type { EngineServices } from './engine-services';
import { ExecutionInterrupted, type InterruptReason } from './errors';
import type { ExecutionRecord } from './execution-store';
import { isoTime } from './iso-time';
import type { Journal } from './journal';
import { Scope } from './scope';
import { VariableFrame } from './variable-frame';

/** Generation 0 everywhere: an execution never redriven. */
function firstGeneration(): number {
  return 0;
}

/** The redrive generation of each root position: how many cuts lie at or before it. */
function generationsAt(cuts: readonly number[]): (position: number) => number {
  return (position) => cuts.reduce((generation, cut) => (cut <= position ? generation + 1 : generation), 0);
}

/** An execution being interpreted (live, or replaying its journal after a restart). */
export class ExecutionRun {
  readonly controller = new AbortController();
  readonly root: Scope;
  readonly executionContext: Readonly<Record<string, JsonValue>>;
  readonly stateMachineContext: Readonly<Record<string, JsonValue>>;

  constructor(
    readonly record: ExecutionRecord,
    readonly definition: StateMachine,
    readonly journal: Journal,
    readonly services: EngineServices,
  ) {
    const cuts = record.redriveCuts ?? [];
    this.root = new Scope(this, {
      path: 'r',
      variables: new VariableFrame(),
      signal: this.controller.signal,
      lastEventId: 0,
      generationAt: cuts.length ? generationsAt(cuts) : firstGeneration,
    });
    const input = JSON.parse(record.input) as JsonValue;
    const execution: Record<string, JsonValue> = {
      Id: record.arn,
      Input: input,
      StartTime: isoTime(record.startedAt),
      Name: record.name,
      RoleArn: record.roleArn,
      RedriveCount: record.redriveCount,
    };
    if (record.redrivedAt !== undefined) execution.RedriveTime = isoTime(record.redrivedAt);
    this.executionContext = execution;
    this.stateMachineContext = { Id: record.stateMachineArn, Name: record.stateMachineName };
  }

  /** The run's clock. */
  get clock(): Clock {
    return this.services.clock;
  }

  /** Stops every scope of this run: StopExecution, the execution timeout, engine shutdown. */
  interrupt(reason: InterruptReason): void {
    if (!this.controller.signal.aborted) this.controller.abort(new ExecutionInterrupted(reason));
  }
}
