/**
 * An in-memory engine on a fake clock, with helpers to deploy a definition, run it to the end in
 * virtual time and read its history.
 */
import type { JsonValue, StateMachine } from '../../workflows/asl';
import {
  Engine,
  MemoryExecutionStore,
  settle,
  stateMachineArnOf,
  type ExecutionRecord,
  type ExecutionStore,
  type HistoryEvent,
  type TaskHandler,
  type VirtualClock,
} from '../../workflows/engine';
import { createFakeClock } from './fake-clock';

/** An engine under test. */
export type EngineHarness = {
  engine: Engine;
  clock: VirtualClock;
  store: ExecutionStore;
  /** Registers `definition` as state machine `name` and returns its ARN. */
  deploy(definition: StateMachine | Record<string, unknown>, name?: string, type?: 'STANDARD' | 'EXPRESS'): string;
  /** Starts an execution and returns its ARN. */
  start(stateMachineArn: string, input?: JsonValue, name?: string): string;
  /** Advances virtual time until the execution closes (or `maxTimers` timers fired). */
  finish(executionArn: string, maxTimers?: number): Promise<ExecutionRecord>;
  /** Deploys, starts and finishes in one go. */
  run(definition: StateMachine | Record<string, unknown>, input?: JsonValue): Promise<{ record: ExecutionRecord; events: HistoryEvent[] }>;
  /** Event types of an execution, in order. */
  types(executionArn: string): string[];
};

let counter = 0;

/** Builds a harness; `handlers` are the task handlers by function name. */
export function createEngineHarness(
  options: {
    handlers?: Record<string, TaskHandler>;
    store?: ExecutionStore;
    clock?: VirtualClock;
    onHistoryChange?: (executionArn: string) => void;
    random?: () => number;
  } = {},
): EngineHarness {
  const clock = options.clock ?? createFakeClock();
  const store = options.store ?? new MemoryExecutionStore();
  const engine = new Engine({
    store,
    clock,
    taskHandlers: options.handlers ?? {},
    onHistoryChange: options.onHistoryChange,
    random: options.random,
  });
  const harness: EngineHarness = {
    engine,
    clock,
    store,
    deploy(definition, name = `machine-${++counter}`, type = 'STANDARD') {
      const arn = stateMachineArnOf(engine.account, name);
      store.putStateMachine({
        arn,
        name,
        type,
        definition: JSON.stringify(definition),
        roleArn: 'arn:aws:iam::123456789012:role/test',
        createdAt: clock.now(),
      });
      return arn;
    },
    start(stateMachineArn, input = {}, name) {
      const result = engine.startExecution({ stateMachineArn, input: JSON.stringify(input), name });
      if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
      return result.value.record.arn;
    },
    async finish(executionArn, maxTimers = 10_000) {
      for (let fired = 0; fired <= maxTimers; fired++) {
        await settle();
        const record = store.getExecution(executionArn);
        if (!record) throw new Error(`no execution ${executionArn}`);
        if (record.status !== 'RUNNING') return record;
        if (clock.pendingTimers === 0) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        await clock.runAll(1);
      }
      throw new Error(`execution ${executionArn} did not finish`);
    },
    async run(definition, input = {}) {
      const arn = harness.start(harness.deploy(definition), input);
      const record = await harness.finish(arn);
      return { record, events: engine.history(arn) };
    },
    types(executionArn) {
      return engine.history(executionArn).map((event) => event.type);
    },
  };
  return harness;
}

/** The parsed output of a closed execution. */
export function outputOf(record: ExecutionRecord): JsonValue {
  return record.output === undefined ? null : (JSON.parse(record.output) as JsonValue);
}
